with

source as (

    select * from {{ checked_source(source('billing', 'billing_subscriptions')) }}

),

renamed as (

    select
        {{ clean_string('subscription_id') }} as subscription_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('plan_id') }} as plan_id,
        {{ clean_enum('cancel_reason') }} as cancel_reason,
        cast(quantity as {{ dbt.type_int() }}) as quantity,
        cast(discount_percent as decimal(5, 2)) as discount_percent,
        cast(discount_amount as decimal(18, 2)) as discount_amount,
        cast(billed_amount as decimal(18, 2)) as billed_amount,
        cast({{ utc_instant('started_at') }} as {{ dbt.type_timestamp() }}) as started_at,
        cast({{ utc_instant('ended_at') }} as {{ dbt.type_timestamp() }}) as ended_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'subscription_id',
            order_by=['started_at', 'ended_at', 'quantity']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('subscription_id', account_column='account_id') }}
            when ended_at < started_at then 'invalid_period'
            when quantity is null or quantity <= 0 then 'invalid_quantity'
            when discount_amount < 0 or billed_amount < 0 then 'negative_amount'
            when
                started_at is null
                or discount_percent < 0
                or discount_percent > 100
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
