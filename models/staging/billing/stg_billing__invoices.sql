with

source as (

    select
        invoice_id,
        account_id,
        subscription_id,
        invoice_date,
        due_date,
        paid_at,
        amount_due,
        amount_paid,
        currency,
        status,
        billing_reason
    from {{ checked_source(source('billing', 'billing_invoices')) }}

),

renamed as (

    select
        {{ clean_string('invoice_id') }} as invoice_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('subscription_id') }} as subscription_id,
        {{ clean_enum('status') }} as invoice_status,
        {{ clean_enum('billing_reason') }} as billing_reason,
        {{ clean_currency_code('currency') }} as currency,
        cast(amount_due as decimal(18, 2)) as amount_due,
        cast(amount_paid as decimal(18, 2)) as amount_paid,
        cast(invoice_date as date) as invoice_date,
        cast(due_date as date) as due_date,
        cast(paid_at as {{ dbt.type_timestamp() }}) as paid_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by invoice_id
            order by invoice_date nulls last, paid_at nulls last, amount_due nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when invoice_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
            when due_date < invoice_date then 'invalid_period'
            when amount_due < 0 or amount_paid < 0 then 'negative_amount'
            when
                invoice_date is null
                or amount_due is null
                or currency is null
                or invoice_status is null
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
