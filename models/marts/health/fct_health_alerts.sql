{#-
    Health alerts (SPEC section 4): one row per alert, on the day its rule first holds.
    - score_drop: the score fell by more than var('health_alert_drop_points') against 30 days
      earlier (fires on the first day of a run of such days);
    - entered_orange: the tier became at_risk from good or excellent on the previous day;
    - entered_red: the tier became critical from any other tier on the previous day;
    - consecutive_decline: the month-end score declined for var('health_alert_decline_months')
      months in a row (fires once per run, in the month the run reaches that length).
    A rule that triggers again within var('alert_cooldown_days') days of its previous trigger
    on the same account is the same episode, not a new alert (daily scores hover around a tier
    bound). A day's scores are complete at the end of the day, so alert_at is midnight after
    the health date. The response is the first intervention action on the account at or after
    alert_at, within var('alert_response_window_days') days (else none).
-#}

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
    from {{ ref('fct_account_health_daily') }}

),

monthly as (

    select
        account_id,
        month_start_date,
        health_date,
        health_score,
        consecutive_declines
    from {{ ref('fct_account_health_monthly') }}

),

accounts as (

    select
        account_id,
        csm_owner
    from {{ ref('int_accounts_validated') }}

),

interventions as (

    select
        intervention_id,
        account_id,
        first_action_at
    from {{ ref('int_interventions_validated') }}

),

with_previous_day as (

    select
        daily.account_id,
        daily.health_date,
        daily.health_score,
        daily.health_tier,
        daily.health_score_30d_ago,
        daily.health_score_change_30d,
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

    select
        account_id,
        health_date,
        alert_type,
        score_before,
        score_after
    from daily_alerts

    union all

    select
        account_id,
        health_date,
        alert_type,
        score_before,
        score_after
    from decline_alerts

),

with_previous_trigger as (

    select
        account_id,
        health_date,
        alert_type,
        score_before,
        score_after,
        lag(health_date) over (
            partition by account_id, alert_type order by health_date
        ) as previous_trigger_date
    from all_alerts

),

timed as (

    select
        account_id,
        health_date,
        alert_type,
        score_before,
        score_after,
        cast({{ dbt.dateadd('day', 1, 'health_date') }} as {{ dbt.type_timestamp() }})
            as alert_at
    from with_previous_trigger
    where
        previous_trigger_date is null
        or previous_trigger_date
        < {{ dbt.dateadd('day', -var('alert_cooldown_days'), 'health_date') }}

),

responses as (

    select
        timed.account_id,
        timed.alert_type,
        timed.health_date,
        min(interventions.first_action_at) as first_action_at
    from timed
    inner join interventions
        on
            timed.account_id = interventions.account_id
            and timed.alert_at <= interventions.first_action_at
            and interventions.first_action_at
            < {{ dbt.dateadd('day', var('alert_response_window_days'), 'timed.alert_at') }}
    group by
        timed.account_id,
        timed.alert_type,
        timed.health_date

),

final as (

    select
        {{ dbt.concat(['timed.account_id', "'-'", 'timed.alert_type', "'-'",
            dbt.cast('timed.health_date', dbt.type_string())]) }} as alert_id,
        timed.account_id,
        accounts.csm_owner,
        timed.alert_type,
        case timed.alert_type
            when 'score_drop'
                then 'Health score fell by more than {{ drop_points }} points in 30 days'
            when 'entered_orange' then 'Health tier entered at_risk (orange)'
            when 'entered_red' then 'Health tier entered critical (red)'
            else 'Month-end health score declined {{ decline_months }} months in a row'
        end as alert_reason,
        timed.score_before,
        timed.score_after,
        cast(timed.score_after - timed.score_before as decimal(6, 2)) as score_change,
        cast(
            {{ dbt.datediff('timed.alert_at', 'responses.first_action_at', 'minute') }}
            / 60.0 as decimal(10, 2)
        ) as response_time_hours,
        responses.first_action_at is not null as has_response,
        timed.health_date as alert_date,
        timed.alert_at,
        responses.first_action_at
    from timed
    left join accounts
        on timed.account_id = accounts.account_id
    left join responses
        on
            timed.account_id = responses.account_id
            and timed.alert_type = responses.alert_type
            and timed.health_date = responses.health_date

)

select * from final
