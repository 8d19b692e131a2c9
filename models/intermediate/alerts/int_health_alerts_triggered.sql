{%- set drop_points = var('health_alert_drop_points') %}
{%- set decline_months = var('health_alert_decline_months') %}

with

daily as (

    select
        account_id,
        health_date,
        health_score,
        health_tier,
        health_score_30d_ago,
        health_score_change_30d
    from {{ ref('int_account_days_health_scored') }}

),

monthly as (

    select
        account_id,
        month_start_date,
        health_date,
        health_score,
        consecutive_declines
    from {{ ref('int_account_months_health_snapshotted') }}

),

with_previous_day as (

    select
        daily.*,
        previous_day.health_score as previous_health_score,
        previous_day.health_tier as previous_health_tier,
        previous_day.health_score_change_30d as previous_health_score_change_30d
    from daily
    left join daily as previous_day
        on
            daily.account_id = previous_day.account_id
            and previous_day.health_date = {{ dbt.dateadd('day', -1, 'daily.health_date') }}

),

daily_alerts as (

    select
        account_id,
        health_date,
        'score_drop' as alert_type,
        health_score_30d_ago as score_before,
        health_score as score_after
    from with_previous_day
    where
        health_score_change_30d < -{{ drop_points }}
        and not coalesce(previous_health_score_change_30d < -{{ drop_points }}, false)

    union all

    select
        account_id,
        health_date,
        'entered_orange' as alert_type,
        previous_health_score as score_before,
        health_score as score_after
    from with_previous_day
    where health_tier = 'at_risk' and previous_health_tier in ('good', 'excellent')

    union all

    select
        account_id,
        health_date,
        'entered_red' as alert_type,
        previous_health_score as score_before,
        health_score as score_after
    from with_previous_day
    where health_tier = 'critical' and previous_health_tier != 'critical'

),

decline_alerts as (

    -- Score before = the month-end score before the run of declines began.
    select
        monthly.account_id,
        monthly.health_date,
        'consecutive_decline' as alert_type,
        run_start.health_score as score_before,
        monthly.health_score as score_after
    from monthly
    left join monthly as run_start
        on
            monthly.account_id = run_start.account_id
            and run_start.month_start_date
            = {{ dbt.dateadd('month', -decline_months, 'monthly.month_start_date') }}
    where monthly.consecutive_declines = {{ decline_months }}

),

all_alerts as (

    select * from daily_alerts
    union all
    select * from decline_alerts

),

with_previous_trigger as (

    select
        all_alerts.*,
        lag(all_alerts.health_date) over (
            partition by all_alerts.account_id, all_alerts.alert_type
            order by all_alerts.health_date
        ) as previous_trigger_date
    from all_alerts

),

final as (

    -- A day's scores are complete at the end of the day: the alert is raised at midnight after.
    select
        {{ compound_id(['account_id', 'alert_type', 'health_date']) }} as alert_id,
        account_id,
        alert_type,
        score_before,
        score_after,
        health_date as alert_date,
        cast({{ dbt.dateadd('day', 1, 'health_date') }} as {{ dbt.type_timestamp() }})
            as alert_at
    from with_previous_trigger
    where
        previous_trigger_date is null
        or previous_trigger_date
        < {{ dbt.dateadd('day', -var('alert_cooldown_days'), 'health_date') }}

)

select * from final
