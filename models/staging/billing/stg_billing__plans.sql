with

base_plans as (

    select
        plan_id,
        plan_name,
        plan_tier,
        billing_interval,
        currency,
        unit_amount,
        rejection_reason
    from {{ ref('base_billing__plans') }}

),

final as (

    select
        plan_id,
        plan_name,
        plan_tier,
        billing_interval,
        currency,
        unit_amount
    from base_plans
    where rejection_reason is null

)

select * from final
