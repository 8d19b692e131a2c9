with

alerts as (

    select
        alert_id,
        account_id,
        alert_at
    from {{ ref('int_health_alerts_triggered') }}

),

interventions as (

    select
        account_id,
        first_action_at
    from {{ ref('int_interventions_validated') }}

),

-- The first intervention action on the account at or after the alert, within the window.
responses as (

    {{ account_events_aggregated('alerts', 'alert_id', 'interventions', 'first_action_at', 'min',
        'alerts.alert_at <= interventions.first_action_at and interventions.first_action_at < '
        ~ dbt.dateadd('day', var('alert_response_window_days'), 'alerts.alert_at'),
        'first_action_at') }}

),

final as (

    select
        alerts.alert_id,
        cast(
            {{ dbt.datediff('alerts.alert_at', 'responses.first_action_at', 'minute') }}
            / 60.0 as decimal(10, 2)
        ) as response_time_hours,
        responses.first_action_at is not null as has_response,
        responses.first_action_at
    from alerts
    left join responses
        on alerts.alert_id = responses.alert_id

)

select * from final
