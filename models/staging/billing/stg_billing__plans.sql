{{ config(post_hook="{{ fail_on_conflicting_copies('plan_id') }}") }}

with

source as (

    select * from {{ checked_source(source('billing', 'billing_plans')) }}

),

renamed as (

    select
        {{ clean_string('plan_id') }} as plan_id,
        {{ clean_string('plan_name') }} as plan_name,
        {{ clean_enum('plan_tier') }} as plan_tier,
        {{ clean_enum('billing_interval') }} as billing_interval,
        coalesce({{ clean_enum('price_kind') }}, 'per_seat') as price_kind,
        {{ clean_currency_code('currency') }} as currency,
        cast(unit_amount as decimal(18, 2)) as unit_amount,
        cast(coalesce(interval_count, 1) as {{ dbt.type_int() }}) as interval_count,
        coalesce(cast(is_add_on as {{ dbt.type_boolean() }}), false) as is_add_on
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'plan_id',
            order_by=['plan_name', 'unit_amount']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('plan_id') }}
            when unit_amount < 0 then 'negative_amount'
            when
                billing_interval is null
                or billing_interval not in ('month', 'year')
                or interval_count < 1
                or price_kind not in ('per_seat', 'flat_fee')
                or unit_amount is null
                or currency is null
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
