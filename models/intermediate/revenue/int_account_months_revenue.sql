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
        'subscription_id', 'account_id', 'plan_id', 'currency', 'seats', 'mrr', 'is_add_on',
        'started_at', 'ended_at'
    ]) }}

),

overlapping as (

    -- Every subscription item in force at some point of the month or at its end boundary.
    select
        account_months.account_id,
        account_months.month_start_date,
        priced_subscriptions.subscription_id,
        priced_subscriptions.plan_id,
        priced_subscriptions.currency,
        priced_subscriptions.seats,
        priced_subscriptions.mrr,
        priced_subscriptions.is_add_on,
        priced_subscriptions.started_at < account_months.period_end_at as starts_before_period_end,
        {{ is_live_at('account_months.period_end_at', 'priced_subscriptions') }}
            as is_live_before_period_end,
        {{ is_in_force_at('account_months.period_end_at', 'priced_subscriptions') }}
            as is_in_force_at_period_end
    from account_months
    inner join priced_subscriptions
        on
            account_months.account_id = priced_subscriptions.account_id
            and account_months.period_end_at >= priced_subscriptions.started_at
            and (
                priced_subscriptions.ended_at is null
                or account_months.month_start_date < priced_subscriptions.ended_at
            )

),

flagged as (

    select
        *,
        max(case when is_in_force_at_period_end then 1 else 0 end) over (
            partition by account_id, month_start_date
        ) as is_active_at_period_end
    from overlapping

),

month_states as (

    -- The month's state (SPEC section 5), read at its end boundary T: an account with no item
    -- in force at T (its last item ended during the month or at T) has none and churns in
    -- this month; an active one closes at the items live just before T, so a change effective
    -- at T (a new item, a new price) shows in the next month.
    select *
    from flagged
    where
        is_active_at_period_end = 1
        and is_live_before_period_end

),

billed_months as (

    -- Months in which some item with MRR > 0 was in force, if only for a part of the month.
    select
        account_id,
        month_start_date
    from overlapping
    where
        starts_before_period_end
        and mrr > 0
    group by
        account_id,
        month_start_date

),

month_totals as (

    select
        month_states.account_id,
        month_states.month_start_date,
        min(month_states.currency) as currency,
        coalesce(
            min(case when not month_states.is_add_on then month_states.plan_id end),
            min(month_states.plan_id)
        ) as plan_id,
        count(distinct month_states.currency) as currency_count,
        sum(month_states.seats) as seats,
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
        coalesce(month_totals.mrr, 0) > 0 as is_paying,
        billed_months.account_id is not null as is_billed
    from account_months
    left join month_totals
        on {{ join_on_keys('account_months', 'month_totals', ['account_id', 'month_start_date']) }}
    left join billed_months
        on {{ join_on_keys('account_months', 'billed_months', ['account_id', 'month_start_date']) }}

)

select * from final
