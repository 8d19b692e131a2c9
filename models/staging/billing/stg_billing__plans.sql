with

source as (

    select
        plan_id,
        plan_name,
        plan_tier,
        billing_interval,
        unit_amount,
        currency
    from {{ checked_source(source('billing', 'billing_plans')) }}

),

renamed as (

    select
        {{ clean_string('plan_id') }} as plan_id,
        {{ clean_string('plan_name') }} as plan_name,
        {{ clean_enum('plan_tier') }} as plan_tier,
        {{ clean_enum('billing_interval') }} as billing_interval,
        {{ clean_currency_code('currency') }} as currency,
        cast(unit_amount as decimal(18, 2)) as unit_amount
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by plan_id
            order by plan_name nulls last, unit_amount nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when plan_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when unit_amount < 0 then 'negative_amount'
            when
                billing_interval is null
                or unit_amount is null
                or currency is null
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
