with

base_invoices as (

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
    from {{ ref('base_billing__invoices') }}

),

final as (

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
        paid_at
    from base_invoices
    where rejection_reason is null

)

select * from final
