with

interventions as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        outcome,
        opened_date,
        horizon_date,
        closed_date,
        open_until_date,
        opened_at,
        first_action_at,
        closed_at
    from {{ ref('int_interventions_dated') }}

),

health as (

    select
        intervention_id,
        health_tier_at_opening,
        health_score_at_opening,
        health_score_at_horizon,
        alerts_within_horizon,
        is_active_at_horizon_date,
        is_recovered_at_horizon_date,
        opening_health_date,
        recovered_date
    from {{ ref('int_interventions_health_matched') }}

),

joined as (

    select
        interventions.intervention_id,
        interventions.account_id,
        interventions.trigger_reason,
        interventions.playbook,
        interventions.outcome,
        health.health_tier_at_opening,
        health.health_score_at_opening,
        health.health_score_at_horizon,
        {{ dbt.datediff('interventions.opened_date', 'interventions.open_until_date', 'day') }}
            as days_open,
        {{ dbt.datediff('interventions.opened_at', 'interventions.first_action_at', 'minute') }}
            as first_action_delay_minutes,
        {{ dbt.datediff('interventions.opened_date', 'health.recovered_date', 'day') }}
            as recovery_time_days,
        health.alerts_within_horizon,
        interventions.trigger_reason = 'cancellation_request' as is_cancellation_request,
        interventions.closed_date is not null as is_closed,
        interventions.horizon_date <= {{ as_of_date() }} as is_horizon_observed,
        health.is_active_at_horizon_date,
        health.is_recovered_at_horizon_date,
        interventions.opened_date,
        health.opening_health_date,
        interventions.horizon_date,
        health.recovered_date,
        interventions.closed_date,
        interventions.opened_at,
        interventions.first_action_at,
        interventions.closed_at
    from interventions
    left join health
        on interventions.intervention_id = health.intervention_id

),

final as (

    select
        intervention_id,
        account_id,
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
