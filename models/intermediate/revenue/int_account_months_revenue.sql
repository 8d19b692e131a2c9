with

account_months as (

    select
        account_id,
        month_start_date,
        period_end_at
    from {{ ref('int_account_months_enumerated') }}

),

priced_subscriptions as (

    {{ known_subscriptions([
        'subscription_id', 'account_id', 'plan_id', 'currency', 'quantity', 'mrr',
        'started_at', 'ended_at'
    ]) }}

),

overlapping as (

    -- Every subscription row active at some point of the month.
    select
        account_months.account_id,
        account_months.month_start_date,
        priced_subscriptions.subscription_id,
        priced_subscriptions.plan_id,
        priced_subscriptions.currency,
        priced_subscriptions.quantity,
        priced_subscriptions.mrr,
        priced_subscriptions.ended_at,
        {{ is_live_at('account_months.period_end_at', 'priced_subscriptions') }}
            as is_live_at_period_end
    from account_months
    inner join priced_subscriptions
        on
            account_months.account_id = priced_subscriptions.account_id
            and account_months.period_end_at > priced_subscriptions.started_at
            and (
                priced_subscriptions.ended_at is null
                or account_months.month_start_date < priced_subscriptions.ended_at
            )

),

flagged as (

    select
        *,
        max(case when is_live_at_period_end then 1 else 0 end) over (
            partition by account_id, month_start_date
        ) as has_month_end_state,
        max(ended_at) over (partition by account_id, month_start_date) as last_ended_at
    from overlapping

),

month_states as (

    -- The month's state: the rows live at the period end; if none is (the last subscription
    -- ended during the month), the rows that ended last in it, so an account pays in its
    -- final, partial month and churns in the next.
    select *
    from flagged
    where
        is_live_at_period_end
        or (has_month_end_state = 0 and ended_at = last_ended_at)

),

month_totals as (

    select
        month_states.account_id,
        month_states.month_start_date,
        min(month_states.currency) as currency,
        min(month_states.plan_id) as plan_id,
        count(distinct month_states.currency) as currency_count,
        sum(month_states.quantity) as seats,
        sum(month_states.mrr) as mrr,
        sum(month_states.mrr * fx_rates.rate_to_usd) as mrr_usd
    from month_states
    {{ left_join_usd_rate('month_states.currency', 'month_states.month_start_date') }}
    group by
        month_states.account_id,
        month_states.month_start_date

),

final as (

    select
        account_months.account_id,
        account_months.month_start_date,
        month_totals.plan_id,
        month_totals.currency,
        coalesce(month_totals.currency_count, 0) as currency_count,
        cast(coalesce(month_totals.seats, 0) as {{ dbt.type_int() }}) as seats,
        cast(coalesce(month_totals.mrr, 0) as decimal(18, 2)) as mrr,
        cast(
            case when month_totals.mrr is null then 0 else month_totals.mrr_usd end
            as decimal(18, 2)
        ) as mrr_usd,
        coalesce(month_totals.mrr, 0) > 0 as is_paying
    from account_months
    left join month_totals
        on {{ join_on_keys('account_months', 'month_totals', ['account_id', 'month_start_date']) }}

)

select * from final
