with

subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        quantity,
        discount_percent,
        discount_amount,
        billed_amount,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_validated') }}

),

plans as (

    select
        plan_id,
        plan_tier,
        billing_interval,
        price_kind,
        currency,
        unit_amount,
        interval_count,
        is_add_on
    from {{ ref('int_plans_validated') }}

),

final as (

    -- One subscription item's period: its charge per billing term and that charge per month.
    select
        subscriptions.subscription_id,
        subscriptions.account_id,
        subscriptions.plan_id,
        plans.plan_tier,
        plans.billing_interval,
        plans.price_kind,
        plans.currency,
        plans.interval_count,
        subscriptions.quantity,
        {{ item_seats('subscriptions', 'plans') }} as seats,
        subscriptions.discount_percent,
        cast({{ item_term_amount('subscriptions', 'plans') }} as decimal(18, 4)) as term_amount,
        cast(
            {{ item_term_amount('subscriptions', 'plans') }} / {{ term_months('plans') }}
            as decimal(18, 4)
        ) as mrr,
        plans.is_add_on,
        subscriptions.started_at,
        subscriptions.ended_at
    from subscriptions
    inner join plans
        on subscriptions.plan_id = plans.plan_id

)

select * from final
