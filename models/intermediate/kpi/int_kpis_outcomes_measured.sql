with

interventions as (

    select
        is_success,
        is_saved,
        recovery_time_days,
        health_score_at_opening,
        opened_date
    from {{ ref('int_interventions_outcomes_measured') }}

),

triggered_alerts as (

    select
        alert_id,
        alert_date
    from {{ ref('int_health_alerts_triggered') }}

),

alert_responses as (

    select
        alert_id,
        response_time_hours
    from {{ ref('int_health_alerts_responded') }}

),

alerts as (

    select
        alert_responses.response_time_hours,
        triggered_alerts.alert_date
    from triggered_alerts
    inner join alert_responses
        on triggered_alerts.alert_id = alert_responses.alert_id

),

observed_interventions as (

    select
        is_success,
        is_saved,
        recovery_time_days,
        health_score_at_opening
    from interventions
    where opened_date >= {{ kpi_period_start() }}

),

intervention_success as (

    select
        {{ kpi_columns('intervention_success_rate',
            'interventions opened in the period with day 90 observed: live on day 90 with health'
            ~ ' >= 70 / all of them',
            share_true('is_success'), 'count(is_success)',
            needs=['crm_interventions']) }}
    from observed_interventions

),

save_rate as (

    select
        {{ kpi_columns('save_rate',
            'cancellation requests opened in the period with day 90 observed that are still live'
            ~ ' on day 90 / all of them',
            share_true('is_saved'), 'count(is_saved)',
            needs=['crm_interventions']) }}
    from observed_interventions

),

recovery as (

    select
        {{ kpi_columns('recovery_time_days',
            'median days from opening to health back at 70, interventions opened in the period'
            ~ ' below 70 that recovered by the as-of date',
            median_of('recovery_time_days'), 'count(recovery_time_days)',
            needs=['crm_interventions']) }}
    from observed_interventions
    where health_score_at_opening < 70 and recovery_time_days is not null

),

alert_response as (

    select
        {{ kpi_columns('alert_response_hours',
            'median hours from alert to the first intervention action, alerts in the period with'
            ~ ' a response within the window',
            median_of('response_time_hours'), 'count(response_time_hours)',
            needs=['crm_interventions']) }}
    from alerts
    where alert_date >= {{ kpi_period_start() }} and response_time_hours is not null

),

final as (

    select * from intervention_success
    union all
    select * from save_rate
    union all
    select * from recovery
    union all
    select * from alert_response

)

select * from final
