{#-
    CS interventions and their outcomes (SPEC section 5): one row per CRM intervention.

    Days are calendar dates (UTC); the horizon date is the opened date +
    var('intervention_success_days') and is observed once it is on or before var('as_of_date').
    - active at the horizon: the account has a row in fct_account_health_daily (a live
      subscription at the end of the day) on the horizon date;
    - success: active at the horizon and its health score that day is at least
      var('intervention_success_score'); null while the horizon is not observed;
    - saved (cancellation requests only): active at the horizon; null for other triggers and
      while the horizon is not observed;
    - recovery: the first scored day on or after the opened date with a score at least
      var('intervention_success_score') (0 days when already there on the opened date); null
      when not reached by the as-of date;
    - health at opening: the latest daily score on or before the opened date;
    - alerts within the horizon: health alerts dated from the opened date to the horizon date.
-#}

{%- set success_days = var('intervention_success_days', 90) %}
{%- set success_score = var('intervention_success_score', 70) %}

with

interventions as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        outcome,
        opened_at,
        first_action_at,
        closed_at
    from {{ ref('int_interventions_validated') }}

),

accounts as (

    select
        account_id,
        csm_owner
    from {{ ref('int_accounts_validated') }}

),

daily as (

    select
        account_id,
        health_date,
        health_score,
        health_tier
    from {{ ref('fct_account_health_daily') }}

),

alerts as (

    select
        account_id,
        alert_date
    from {{ ref('fct_health_alerts') }}

),

dated as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        outcome,
        opened_at,
        first_action_at,
        closed_at,
        cast(opened_at as date) as opened_date,
        cast({{ dbt.dateadd('day', success_days, 'cast(opened_at as date)') }} as date)
            as horizon_date,
        case
            when closed_at < {{ as_of_period_end() }} then cast(closed_at as date)
        end as closed_date,
        case
            when closed_at < {{ as_of_period_end() }} then cast(closed_at as date)
            else {{ as_of_date() }}
        end as open_until_date
    from interventions

),

latest_before_opening as (

    select
        dated.intervention_id,
        max(daily.health_date) as opening_health_date
    from dated
    inner join daily
        on
            dated.account_id = daily.account_id
            and dated.opened_date >= daily.health_date
    group by dated.intervention_id

),

opening_scores as (

    select
        latest_before_opening.intervention_id,
        latest_before_opening.opening_health_date,
        daily.health_score as health_score_at_opening,
        daily.health_tier as health_tier_at_opening
    from latest_before_opening
    inner join dated
        on latest_before_opening.intervention_id = dated.intervention_id
    inner join daily
        on
            dated.account_id = daily.account_id
            and latest_before_opening.opening_health_date = daily.health_date

),

recoveries as (

    select
        dated.intervention_id,
        min(daily.health_date) as recovered_date
    from dated
    inner join daily
        on
            dated.account_id = daily.account_id
            and dated.opened_date <= daily.health_date
            and daily.health_score >= {{ success_score }}
    group by dated.intervention_id

),

alerts_after_opening as (

    select
        dated.intervention_id,
        count(alerts.alert_date) as alerts_within_horizon
    from dated
    inner join alerts
        on
            dated.account_id = alerts.account_id
            and dated.opened_date <= alerts.alert_date
            and dated.horizon_date >= alerts.alert_date
    group by dated.intervention_id

),

joined as (

    select
        dated.intervention_id,
        dated.account_id,
        accounts.csm_owner,
        dated.trigger_reason,
        dated.playbook,
        dated.outcome,
        opening_scores.health_tier_at_opening,
        opening_scores.health_score_at_opening,
        horizon_day.health_score as health_score_at_horizon,
        {{ dbt.datediff('dated.opened_date', 'dated.open_until_date', 'day') }}
            as days_open,
        {{ dbt.datediff('dated.opened_at', 'dated.first_action_at', 'minute') }}
            as first_action_delay_minutes,
        {{ dbt.datediff('dated.opened_date', 'recoveries.recovered_date', 'day') }}
            as recovery_time_days,
        coalesce(alerts_after_opening.alerts_within_horizon, 0) as alerts_within_horizon,
        dated.trigger_reason = 'cancellation_request' as is_cancellation_request,
        dated.closed_date is not null as is_closed,
        dated.horizon_date <= {{ as_of_date() }} as is_horizon_observed,
        horizon_day.health_date is not null as is_active_at_horizon_date,
        coalesce(horizon_day.health_score >= {{ success_score }}, false)
            as is_recovered_at_horizon_date,
        dated.opened_date,
        opening_scores.opening_health_date,
        dated.horizon_date,
        recoveries.recovered_date,
        dated.closed_date,
        dated.opened_at,
        dated.first_action_at,
        dated.closed_at
    from dated
    left join accounts
        on dated.account_id = accounts.account_id
    left join opening_scores
        on dated.intervention_id = opening_scores.intervention_id
    left join daily as horizon_day
        on
            dated.account_id = horizon_day.account_id
            and dated.horizon_date = horizon_day.health_date
    left join recoveries
        on dated.intervention_id = recoveries.intervention_id
    left join alerts_after_opening
        on dated.intervention_id = alerts_after_opening.intervention_id

),

final as (

    select
        intervention_id,
        account_id,
        csm_owner,
        trigger_reason,
        playbook,
        outcome,
        health_tier_at_opening,
        health_score_at_opening,
        health_score_at_horizon,
        cast(days_open as {{ dbt.type_int() }}) as days_open,
        cast(first_action_delay_minutes / 60.0 as decimal(10, 2)) as first_action_delay_hours,
        cast(recovery_time_days as {{ dbt.type_int() }}) as recovery_time_days,
        cast(alerts_within_horizon as {{ dbt.type_int() }}) as alerts_within_horizon,
        is_cancellation_request,
        is_closed,
        is_horizon_observed,
        case when is_horizon_observed then is_active_at_horizon_date end
            as is_active_at_horizon,
        case
            when is_horizon_observed
                then is_active_at_horizon_date and is_recovered_at_horizon_date
        end as is_success,
        case
            when is_cancellation_request and is_horizon_observed
                then is_active_at_horizon_date
        end as is_saved,
        case when is_horizon_observed then alerts_within_horizon = 0 end
            as is_alert_free_within_horizon,
        opened_date,
        opening_health_date,
        horizon_date,
        recovered_date,
        closed_date,
        opened_at,
        first_action_at,
        closed_at
    from joined

)

select * from final
