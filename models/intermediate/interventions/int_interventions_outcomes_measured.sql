with

interventions as (

    select * from {{ ref('int_interventions_health_matched') }}

),

measured as (

    select
        interventions.*,
        interventions.trigger_reason = 'cancellation_request' as is_cancellation_request,
        interventions.horizon_date <= {{ as_of_date() }} as is_horizon_observed
    from interventions

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
        cast(
            {{ dbt.datediff('opened_date', 'open_until_date', 'day') }}
            as {{ dbt.type_int() }}
        ) as days_open,
        cast(
            {{ dbt.datediff('opened_at', 'first_action_at', 'minute') }}
            / 60.0 as decimal(10, 2)
        ) as first_action_delay_hours,
        cast(
            {{ dbt.datediff('opened_date', 'recovered_date', 'day') }}
            as {{ dbt.type_int() }}
        ) as recovery_time_days,
        cast(alerts_within_horizon as {{ dbt.type_int() }}) as alerts_within_horizon,
        is_cancellation_request,
        closed_date is not null as is_closed,
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
    from measured

)

select * from final
