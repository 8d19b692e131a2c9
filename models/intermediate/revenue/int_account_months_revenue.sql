{#-
    The account-month revenue spine: one row per account per month, from the month of its
    first subscription start to the month of var('as_of_date'), with the MRR of the month in
    the plan currency and in USD (that month's fx rate), seats and plan.

    MRR of a month = the subscription state at the end of the month (at the end of the as-of
    date in the as-of month; nothing later is read): the rows active at the
    month end; if none is (the last subscription ended during the month), the rows that ended
    last in it, so an account counts as paying in its final, partial month and its churn shows
    in the month after. MRR of a row = unit_amount x quantity x (1 - discount), annual plans / 12.
-#}

with

priced_subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        currency,
        quantity,
        mrr,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_priced') }}
    -- Nothing that starts after the as-of date is known yet.
    where started_at < {{ as_of_period_end() }}

),

fx_rates as (

    select
        currency,
        month_start_date,
        rate_to_usd
    from {{ ref('int_fx_rates_validated') }}

),

as_of_month as (

    select
        {{ dbt.date_trunc('month', as_of_date()) }}
            as month_start_date,
        {{ as_of_period_end() }} as period_end_at

),

first_month as (

    select min({{ dbt.date_trunc('month', 'started_at') }}) as month_start_date
    from priced_subscriptions

),

month_numbers as (

    {{ dbt.generate_series(var('revenue_max_months', 600)) }}

),

months as (

    select
        cast(
            {{ dbt.dateadd('month', 'month_numbers.generated_number - 1',
                'first_month.month_start_date') }} as date
        ) as month_start_date
    from month_numbers
    cross join first_month

),

calendar_months as (

    select
        months.month_start_date,
        -- The state is read at the end of the month, or at the end of the as-of date in the
        -- as-of month (never after it).
        case
            when months.month_start_date = as_of_month.month_start_date
                then as_of_month.period_end_at
            else {{ dbt.cast(dbt.dateadd('month', 1, 'months.month_start_date'),
                dbt.type_timestamp()) }}
        end as period_end_at
    from months
    cross join as_of_month
    where months.month_start_date <= as_of_month.month_start_date

),

account_first_months as (

    select
        account_id,
        min({{ dbt.date_trunc('month', 'started_at') }}) as first_paid_month
    from priced_subscriptions
    group by account_id

),

account_months as (

    select
        account_first_months.account_id,
        calendar_months.month_start_date,
        calendar_months.period_end_at
    from account_first_months
    inner join calendar_months
        on account_first_months.first_paid_month <= calendar_months.month_start_date

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
        (
            priced_subscriptions.ended_at is null
            or priced_subscriptions.ended_at >= account_months.period_end_at
        ) as is_active_at_period_end
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
        account_id,
        month_start_date,
        subscription_id,
        plan_id,
        currency,
        quantity,
        mrr,
        ended_at,
        is_active_at_period_end,
        max(case when is_active_at_period_end then 1 else 0 end) over (
            partition by account_id, month_start_date
        ) as has_month_end_state,
        max(ended_at) over (partition by account_id, month_start_date) as last_ended_at
    from overlapping

),

month_states as (

    -- The rows that make up the month's state (see the header).
    select
        account_id,
        month_start_date,
        subscription_id,
        plan_id,
        currency,
        quantity,
        mrr
    from flagged
    where
        is_active_at_period_end
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
    left join fx_rates
        on
            month_states.currency = fx_rates.currency
            and month_states.month_start_date = fx_rates.month_start_date
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
        on
            account_months.account_id = month_totals.account_id
            and account_months.month_start_date = month_totals.month_start_date

)

select * from final
