with

subscriptions as (

    select
        account_id,
        plan_id,
        plan_tier,
        billing_interval,
        currency,
        seats,
        mrr,
        is_add_on,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_priced') }}

),

live_subscriptions as (

    select
        subscriptions.account_id,
        subscriptions.plan_id,
        subscriptions.plan_tier,
        subscriptions.billing_interval,
        subscriptions.seats,
        subscriptions.mrr * fx_rates.rate_to_usd as mrr_usd,
        row_number() over (
            partition by subscriptions.account_id
            order by
                case when subscriptions.is_add_on then 1 else 0 end asc,
                subscriptions.mrr desc,
                subscriptions.plan_id asc
        ) as mrr_rank
    from subscriptions
    {{ left_join_usd_rate('subscriptions.currency', as_of_month()) }}
    where {{ is_live_at(as_of_period_end(), 'subscriptions') }}

),

final as (

    -- Several live items add up (seats from per-seat items only); the plan shown is the base
    -- item's (of several, the one carrying the most MRR), an add-on's only when none is live.
    select
        account_id,
        max(case when mrr_rank = 1 then plan_id end) as current_plan_id,
        max(case when mrr_rank = 1 then plan_tier end) as current_plan_tier,
        max(case when mrr_rank = 1 then billing_interval end) as current_billing_interval,
        sum(seats) as current_seats,
        sum(mrr_usd) as current_mrr_usd
    from live_subscriptions
    group by account_id

)

select * from final
