with

daily as (

    select
        account_id,
        health_date,
        {{ health_score_columns() }},
        health_tier,
        health_colour
    from {{ ref('int_account_days_health_scored') }}

),

month_ends as (

    select
        *,
        cast({{ dbt.date_trunc('month', 'health_date') }} as date) as month_start_date
    from daily
    where
        health_date = {{ as_of_date() }}
        or {{ dbt.dateadd('day', 1, 'health_date') }}
        = {{ dbt.dateadd('month', 1, dbt.date_trunc('month', 'health_date')) }}

),

with_previous as (

    select
        month_ends.*,
        previous_month.health_score as previous_health_score,
        previous_month.health_tier as previous_health_tier,
        case
            when month_ends.health_score < previous_month.health_score then 1 else 0
        end as is_decline
    from month_ends
    left join month_ends as previous_month
        on
            month_ends.account_id = previous_month.account_id
            and previous_month.month_start_date
            = {{ dbt.dateadd('month', -1, 'month_ends.month_start_date') }}

),

streaks as (

    select
        *,
        sum(1 - is_decline) over (
            {{ running_total_window('account_id', 'month_start_date') }}
        ) as streak_group
    from with_previous

),

declines as (

    select
        *,
        sum(is_decline) over (
            {{ running_total_window('account_id, streak_group', 'month_start_date') }}
        ) as consecutive_declines
    from streaks

),

future_live_days as (

    select
        declines.account_id,
        declines.month_start_date,
        count(daily.health_date) as live_days
    from declines
    left join daily
        on
            declines.account_id = daily.account_id
            and declines.health_date < daily.health_date
            and daily.health_date
            <= {{ dbt.dateadd('day', var('churn_horizon_days'), 'declines.health_date') }}
    group by
        declines.account_id,
        declines.month_start_date

),

final as (

    select
        {{ compound_id(['declines.account_id', 'declines.month_start_date']) }} as account_month_id,
        declines.account_id,
        {{ health_score_columns('declines') }},
        declines.health_tier,
        declines.health_colour,
        declines.previous_health_score,
        declines.previous_health_tier,
        cast(
            declines.health_score - declines.previous_health_score as decimal(6, 2)
        ) as health_score_change_mom,
        cast(declines.consecutive_declines as {{ dbt.type_int() }}) as consecutive_declines,
        case
            when
                {{ dbt.dateadd('day', var('churn_horizon_days'), 'declines.health_date') }}
                > {{ as_of_date() }}
                then null
            else future_live_days.live_days < {{ var('churn_horizon_days') }}
        end as is_churned_within_horizon,
        declines.month_start_date,
        declines.health_date
    from declines
    inner join future_live_days
        on {{ join_on_keys('declines', 'future_live_days', ['account_id', 'month_start_date']) }}

)

select * from final
