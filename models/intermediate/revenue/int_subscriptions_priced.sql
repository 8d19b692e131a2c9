with

subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        quantity,
        discount_percent,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_validated') }}

),

plans as (

    select
        plan_id,
        plan_tier,
        billing_interval,
        currency,
        unit_amount
    from {{ ref('int_plans_validated') }}

),

final as (

    select
        subscriptions.subscription_id,
        subscriptions.account_id,
        subscriptions.plan_id,
        plans.plan_tier,
        plans.billing_interval,
        plans.currency,
        subscriptions.quantity,
        subscriptions.discount_percent,
        cast(
            plans.unit_amount
            * subscriptions.quantity
            * (1 - subscriptions.discount_percent / 100.0)
            / case when plans.billing_interval = 'year' then 12 else 1 end
            as decimal(18, 4)
        ) as mrr,
        subscriptions.started_at,
        subscriptions.ended_at
    from subscriptions
    inner join plans
        on subscriptions.plan_id = plans.plan_id

)

select * from final
