with

subscriptions as (

    select
        account_id,
        plan_id,
        plan_tier,
        billing_interval,
        currency,
        quantity,
        mrr,
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
        subscriptions.quantity,
        subscriptions.mrr * fx_rates.rate_to_usd as mrr_usd,
        row_number() over (
            partition by subscriptions.account_id
            order by subscriptions.mrr desc, subscriptions.plan_id asc
        ) as mrr_rank
    from subscriptions
    {{ left_join_usd_rate('subscriptions.currency', as_of_month()) }}
    where {{ is_live_at(as_of_period_end(), 'subscriptions') }}

),

final as (

    -- Several live rows add up; the plan shown is the one carrying the most MRR.
    select
        account_id,
        max(case when mrr_rank = 1 then plan_id end) as current_plan_id,
        max(case when mrr_rank = 1 then plan_tier end) as current_plan_tier,
        max(case when mrr_rank = 1 then billing_interval end) as current_billing_interval,
        sum(quantity) as current_seats,
        sum(mrr_usd) as current_mrr_usd
    from live_subscriptions
    group by account_id

)

select * from final
