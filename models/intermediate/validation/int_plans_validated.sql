with

plans as (

    select
        plan_id,
        plan_name,
        plan_tier,
        billing_interval,
        currency,
        unit_amount,
        rejection_reason
    from {{ ref('stg_billing__plans') }}

),

fx_currencies as (

    select currency
    from {{ ref('stg_reference__fx_rates') }}
    where currency is not null

),

final as (

    select
        plans.plan_id,
        plans.plan_name,
        plans.plan_tier,
        plans.billing_interval,
        plans.currency,
        plans.unit_amount
    from plans
    where {{ final_rejection_reason('billing_plans', 'plans') }} is null

)

select * from final
