{%- set components = var('health_weights').keys() | list %}
{%- set observation_day = ['account_id', ['observation_date', 'health_date']] %}
{%- set observation_month = ['account_id', 'month_start_date'] %}

with

observations as (

    select
        account_id,
        month_start_date,
        observation_date,
        tickets_90d,
        late_invoices_180d,
        is_churned_within_horizon
    from {{ ref('int_account_months_tickets_invoices_counted') }}

),

daily as (

    select
        account_id,
        health_date,
        {{ health_score_columns() }}
    from {{ ref('int_account_days_health_scored') }}

),

measures as (

    select
        account_id,
        health_date,
        seats,
        active_days_30d,
        active_users_30d,
        seat_utilisation,
        feature_breadth,
        session_depth,
        workflow_completion_rate,
        milestones_on_time_rate,
        time_to_first_value_days,
        nps_average,
        csat_average,
        csm_touches_90d,
        executive_sponsor_present,
        active_champions,
        escalations_90d,
        active_user_growth,
        feature_expansion,
        api_growth,
        mrr_growth_90d
    from {{ ref('int_account_days_health_measures') }}

),

revenue as (

    select
        account_id,
        month_start_date,
        mrr_usd
    from {{ ref('int_account_months_revenue') }}

),

lifecycle as (

    select
        account_id,
        month_start_date,
        days_since_contract_start,
        days_to_renewal
    from {{ ref('int_account_months_lifecycle') }}

),

first_dates as (

    select
        account_id,
        first_start_date
    from {{ ref('int_accounts_first_dates') }}

),

final as (

    select
        {{ compound_id(['observations.account_id', 'observations.observation_date']) }}
            as observation_id,
        observations.account_id,
        observations.observation_date,
        observations.month_start_date,
        today.health_score,
        {%- for component in components %}
            today.{{ component }}_score,
        {%- endfor %}
        today.health_score - days_30_ago.health_score as health_score_change_30d,
        today.health_score - days_90_ago.health_score as health_score_change_90d,
        {%- for component in components %}
            today.{{ component }}_score - days_30_ago.{{ component }}_score
                as {{ component }}_change_30d,
            today.{{ component }}_score - days_90_ago.{{ component }}_score
                as {{ component }}_change_90d,
        {%- endfor %}
        measures.active_days_30d,
        measures.active_users_30d,
        measures.seats,
        measures.seat_utilisation,
        measures.feature_breadth,
        measures.session_depth,
        measures.workflow_completion_rate,
        measures.milestones_on_time_rate,
        measures.time_to_first_value_days,
        measures.nps_average,
        measures.csat_average,
        measures.csm_touches_90d,
        measures.executive_sponsor_present,
        measures.active_champions,
        measures.escalations_90d,
        measures.active_user_growth,
        measures.feature_expansion,
        measures.api_growth,
        measures.mrr_growth_90d,
        {{ dbt.datediff(
            'first_dates.first_start_date', 'observations.observation_date', 'day') }}
            as tenure_days,
        lifecycle.days_since_contract_start,
        lifecycle.days_to_renewal,
        revenue.mrr_usd,
        observations.tickets_90d,
        observations.late_invoices_180d,
        case
            when observations.is_churned_within_horizon then 1.0
            when not observations.is_churned_within_horizon then 0.0
        end as is_churned_90d
    from observations
    inner join daily as today
        on {{ join_on_keys('observations', 'today', observation_day) }}
    left join daily as days_30_ago
        on
            observations.account_id = days_30_ago.account_id
            and days_30_ago.health_date
            = {{ dbt.dateadd('day', -30, 'observations.observation_date') }}
    left join daily as days_90_ago
        on
            observations.account_id = days_90_ago.account_id
            and days_90_ago.health_date
            = {{ dbt.dateadd('day', -90, 'observations.observation_date') }}
    inner join measures
        on {{ join_on_keys('observations', 'measures', observation_day) }}
    left join first_dates
        on observations.account_id = first_dates.account_id
    left join lifecycle
        on {{ join_on_keys('observations', 'lifecycle', observation_month) }}
    left join revenue
        on {{ join_on_keys('observations', 'revenue', observation_month) }}

)

select * from final
