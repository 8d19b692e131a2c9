{%- set period_start = as_of_window_start(12) %}
{%- set prior_start = as_of_window_start(24) %}

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
    where opened_date >= {{ period_start }}

),

intervention_success as (

    select
        'intervention_success_rate' as kpi_name,
        'interventions opened in the period with day 90 observed: live on day 90 with health'
        || ' >= 70 / all of them' as computation,
        {{ share_true('is_success') }} as actual_value,
        count(is_success) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from observed_interventions

),

save_rate as (

    select
        'save_rate' as kpi_name,
        'cancellation requests opened in the period with day 90 observed that are still live'
        || ' on day 90 / all of them' as computation,
        {{ share_true('is_saved') }} as actual_value,
        count(is_saved) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from observed_interventions

),

recovery as (

    select
        'recovery_time_days' as kpi_name,
        'median days from opening to health back at 70, interventions opened in the period'
        || ' below 70 that recovered by the as-of date' as computation,
        {{ median_of('recovery_time_days') }} as actual_value,
        count(recovery_time_days) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from observed_interventions
    where health_score_at_opening < 70 and recovery_time_days is not null

),

alert_response as (

    select
        'alert_response_hours' as kpi_name,
        'median hours from alert to the first intervention action, alerts in the period with'
        || ' a response within the window' as computation,
        {{ median_of('response_time_hours') }} as actual_value,
        count(response_time_hours) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from alerts
    where alert_date >= {{ period_start }} and response_time_hours is not null

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
