with

source as (

    select * from {{ checked_source(source('billing', 'billing_invoices')) }}

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
        cast({{ utc_instant('paid_at') }} as {{ dbt.type_timestamp() }}) as paid_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'invoice_id',
            order_by=['invoice_date', 'paid_at', 'amount_due']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('invoice_id', account_column='account_id') }}
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
