with

invoices as (

    select
        invoice_id,
        account_id,
        subscription_id,
        invoice_status,
        billing_reason,
        currency,
        amount_due,
        amount_paid,
        invoice_date,
        due_date,
        paid_at,
        rejection_reason
    from {{ ref('stg_billing__invoices') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

fx_currencies as (

    select currency
    from {{ ref('stg_reference__fx_rates') }}
    where currency is not null

),

final as (

    select
        invoices.invoice_id,
        invoices.account_id,
        invoices.subscription_id,
        invoices.invoice_status,
        invoices.billing_reason,
        invoices.currency,
        invoices.amount_due,
        invoices.amount_paid,
        invoices.invoice_date,
        invoices.due_date,
        invoices.paid_at
    from invoices
    where {{ final_rejection_reason('billing_invoices', 'invoices') }} is null

)

select * from final
