with

interventions as (

    select * from {{ ref('int_interventions_dated') }}

),

daily as (

    select
        account_id,
        health_date,
        health_score,
        health_tier
    from {{ ref('int_account_days_health_scored') }}

),

subscriptions as (

    {{ known_subscriptions(['account_id', 'started_at', 'ended_at']) }}

),

alerts as (

    select
        account_id,
        alert_date
    from {{ ref('int_health_alerts_triggered') }}

),

live_at_horizon as (

    -- Active at the horizon: a subscription live at the end of the horizon date.
    select distinct interventions.intervention_id
    from interventions
    inner join subscriptions
        on
            interventions.account_id = subscriptions.account_id
            and {{ is_live_at(dbt.cast(dbt.dateadd('day', 1, 'interventions.horizon_date'),
                dbt.type_timestamp()), 'subscriptions') }}

),

health_dates as (

    -- The latest scored day on or before the opened date, and the first scored day on or
    -- after it at or above the success score.
    select
        interventions.intervention_id,
        max(
            case
                when interventions.opened_date >= daily.health_date then daily.health_date
            end
        ) as opening_health_date,
        min(
            case
                when
                    interventions.opened_date <= daily.health_date
                    and daily.health_score >= {{ var('intervention_success_score') }}
                    then daily.health_date
            end
        ) as recovered_date
    from interventions
    inner join daily
        on interventions.account_id = daily.account_id
    group by interventions.intervention_id

),

alerts_after_opening as (

    {{ account_events_aggregated('interventions', 'intervention_id', 'alerts', 'alert_date',
        'count', 'interventions.opened_date <= alerts.alert_date'
        ~ ' and interventions.horizon_date >= alerts.alert_date', 'alerts_within_horizon') }}

),

final as (

    select
        interventions.*,
        opening_day.health_tier as health_tier_at_opening,
        opening_day.health_score as health_score_at_opening,
        horizon_day.health_score as health_score_at_horizon,
        coalesce(alerts_after_opening.alerts_within_horizon, 0) as alerts_within_horizon,
        live_at_horizon.intervention_id is not null as is_active_at_horizon_date,
        coalesce(horizon_day.health_score >= {{ var('intervention_success_score') }}, false)
            as is_recovered_at_horizon_date,
        health_dates.opening_health_date,
        health_dates.recovered_date
    from interventions
    left join health_dates
        on interventions.intervention_id = health_dates.intervention_id
    left join daily as opening_day
        on
            interventions.account_id = opening_day.account_id
            and health_dates.opening_health_date = opening_day.health_date
    left join daily as horizon_day
        on
            interventions.account_id = horizon_day.account_id
            and interventions.horizon_date = horizon_day.health_date
    left join live_at_horizon
        on interventions.intervention_id = live_at_horizon.intervention_id
    left join alerts_after_opening
        on interventions.intervention_id = alerts_after_opening.intervention_id

)

select * from final  -- noqa: AM04
