with

outcomes as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        outcome,
        health_tier_at_opening,
        health_score_at_opening,
        health_score_at_horizon,
        days_open,
        first_action_delay_hours,
        recovery_time_days,
        alerts_within_horizon,
        is_cancellation_request,
        is_closed,
        is_horizon_observed,
        is_active_at_horizon,
        is_success,
        is_saved,
        is_alert_free_within_horizon,
        opened_date,
        opening_health_date,
        horizon_date,
        recovered_date,
        closed_date,
        opened_at,
        first_action_at,
        closed_at
    from {{ ref('int_interventions_outcomes_measured') }}

),

accounts as (

    select
        account_id,
        csm_owner
    from {{ ref('dim_accounts') }}

),

final as (

    select
        outcomes.*,
        accounts.csm_owner
    from outcomes
    left join accounts
        on outcomes.account_id = accounts.account_id

)

select * from final
