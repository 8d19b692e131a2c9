with

source as (

    select
        subscription_id,
        account_id,
        plan_id,
        quantity,
        discount_percent,
        started_at,
        ended_at,
        cancel_reason
    from {{ checked_source(source('billing', 'billing_subscriptions')) }}

),

renamed as (

    select
        {{ clean_string('subscription_id') }} as subscription_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('plan_id') }} as plan_id,
        {{ clean_enum('cancel_reason') }} as cancel_reason,
        cast(quantity as {{ dbt.type_int() }}) as quantity,
        cast(discount_percent as decimal(5, 2)) as discount_percent,
        cast(started_at as {{ dbt.type_timestamp() }}) as started_at,
        cast(ended_at as {{ dbt.type_timestamp() }}) as ended_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by subscription_id
            order by started_at nulls last, ended_at nulls last, quantity nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when subscription_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
            when ended_at < started_at then 'invalid_period'
            when quantity is null or quantity <= 0 then 'invalid_quantity'
            when
                started_at is null
                or discount_percent < 0
                or discount_percent > 100
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
