with

health_daily as (

    select
        account_id,
        health_date,
        health_score
    from {{ ref('int_account_days_health_scored') }}

),

subscriptions as (

    {{ known_subscriptions(['account_id', 'started_at', 'ended_at']) }}

),

health_monthly as (

    select
        account_id,
        month_start_date,
        health_date,
        health_score,
        health_tier,
        previous_health_score
    from {{ ref('int_account_months_health_snapshotted') }}

),

churn_candidates as (

    -- An account can only stop being live on the day one of its subscriptions ends.
    select distinct
        account_id,
        cast(ended_at as date) as churn_date
    from subscriptions
    where
        ended_at is not null
        and cast(ended_at as date) > {{ kpi_period_start() }}
        and cast(ended_at as date) <= {{ as_of_date() }}

),

churn_events as (

    -- A churn: live at the end of the day before the churn date, not live at its end.
    select
        churn_candidates.account_id,
        churn_candidates.churn_date
    from churn_candidates
    inner join subscriptions
        on churn_candidates.account_id = subscriptions.account_id
    group by
        churn_candidates.account_id,
        churn_candidates.churn_date
    having
        max(
            case
                when {{ is_live_at(dbt.cast('churn_candidates.churn_date', dbt.type_timestamp()),
                    'subscriptions') }} then 1
                else 0
            end
        ) = 1
        and max(
            case
                when {{ is_live_at(dbt.cast(dbt.dateadd('day', 1, 'churn_candidates.churn_date'),
                    dbt.type_timestamp()), 'subscriptions') }} then 1
                else 0
            end
        ) = 0

),

early_warnings as (

    select
        churn_events.account_id,
        churn_events.churn_date,
        max(case when health_daily.health_score < 70 then 1 else 0 end) as was_flagged
    from churn_events
    left join health_daily
        on
            churn_events.account_id = health_daily.account_id
            and health_daily.health_date
            >= {{ dbt.dateadd('day', -90, 'churn_events.churn_date') }}
            and health_daily.health_date
            <= {{ dbt.dateadd('day', -30, 'churn_events.churn_date') }}
    group by
        churn_events.account_id,
        churn_events.churn_date

),

early_warning as (

    select
        {{ kpi_columns('early_warning_accuracy',
            'churns in the period whose health was orange or red (< 70) on some day 30 to 90 days'
            ~ ' before the churn date / churns',
            'avg(cast(was_flagged as ' ~ dbt.type_float() ~ '))', 'count(*)') }}
    from early_warnings

),

trend_predictions as (

    -- Predicted next month-end score = score + this month's change (linear trend), clamped.
    select
        this_month.health_tier as current_tier,
        next_month.health_tier as actual_next_tier,
        case
            when this_month.previous_health_score is null then this_month.health_score
            when 2 * this_month.health_score - this_month.previous_health_score > 100 then 100
            when 2 * this_month.health_score - this_month.previous_health_score < 0 then 0
            else 2 * this_month.health_score - this_month.previous_health_score
        end as predicted_next_score
    from health_monthly as this_month
    inner join health_monthly as next_month
        on
            this_month.account_id = next_month.account_id
            and next_month.month_start_date
            = {{ dbt.dateadd('month', 1, 'this_month.month_start_date') }}
    where this_month.health_date >= {{ kpi_period_start() }}

),

trend as (

    select
        {{ kpi_columns('trend_prediction_accuracy',
            'month-ends in the period whose next month-end tier equals the tier of score + last'
            ~ ' month-over-month change / month-ends with a next month-end',
            'avg(case when ' ~ health_tier('predicted_next_score') ~ ' = actual_next_tier'
            ~ ' then 1.0 else 0.0 end)', 'count(*)') }}
    from trend_predictions

),

final as (

    select * from early_warning
    union all
    select * from trend

)

select * from final
