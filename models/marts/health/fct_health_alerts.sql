{%- set drop_points = var('health_alert_drop_points') %}
{%- set decline_months = var('health_alert_decline_months') %}

with

alerts as (

    select * from {{ ref('int_health_alerts_triggered') }}

),

responses as (

    select * from {{ ref('int_health_alerts_responded') }}

),

accounts as (

    select
        account_id,
        csm_owner
    from {{ ref('dim_accounts') }}

),

final as (

    select
        alerts.alert_id,
        alerts.account_id,
        accounts.csm_owner,
        alerts.alert_type,
        case alerts.alert_type
            when 'score_drop'
                then 'Health score fell by more than {{ drop_points }} points in 30 days'
            when 'entered_orange' then 'Health tier entered at_risk (orange)'
            when 'entered_red' then 'Health tier entered critical (red)'
            else 'Month-end health score declined {{ decline_months }} months in a row'
        end as alert_reason,
        alerts.score_before,
        alerts.score_after,
        cast(alerts.score_after - alerts.score_before as decimal(6, 2)) as score_change,
        responses.response_time_hours,
        responses.has_response,
        alerts.alert_date,
        alerts.alert_at,
        responses.first_action_at
    from alerts
    left join accounts
        on alerts.account_id = accounts.account_id
    left join responses
        on alerts.alert_id = responses.alert_id

)

select * from final
