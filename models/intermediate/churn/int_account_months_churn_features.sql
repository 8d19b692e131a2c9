{#-
    Point-in-time churn features (SPEC section 7): one row per account per observation date
    (each month-end health snapshot: the month's last day, or the as-of date), with only what
    was known at the end of that day, and the label: churned within var('churn_horizon_days')
    after it (null while that future is not observed).

    Features: the health score and components and their 30- and 90-day changes; the health
    measures of the day (usage, outcomes, relationship, growth); tenure; USD MRR and its 90-day
    change; seats and utilisation; tickets and escalations; NPS; champion and sponsor status;
    late invoices; days to renewal (annual plans).
-#}

{%- set components = var('health_weights').keys() | list %}

with

snapshots as (

    select
        account_id,
        month_start_date,
        health_date,
        is_churned_within_horizon
    from {{ ref('fct_account_health_monthly') }}

),

daily as (

    select
        account_id,
        health_date,
        {%- for component in components %}
            {{ component }}_score,
        {%- endfor %}
        health_score
    from {{ ref('fct_account_health_daily') }}

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

subscriptions as (

    select
        account_id,
        started_at
    from {{ ref('int_subscriptions_priced') }}

),

tickets as (

    select
        account_id,
        created_at
    from {{ ref('int_support_tickets_validated') }}

),

invoices as (

    select
        account_id,
        due_date,
        paid_at
    from {{ ref('int_invoices_validated') }}

),

first_starts as (

    select
        account_id,
        cast(min(started_at) as date) as first_start_date
    from subscriptions
    group by account_id

),

ticket_counts as (

    select
        snapshots.account_id,
        snapshots.health_date,
        count(tickets.created_at) as tickets_90d
    from snapshots
    left join tickets
        on
            snapshots.account_id = tickets.account_id
            and tickets.created_at
            >= {{ dbt.dateadd('day', -89, 'snapshots.health_date') }}
            and tickets.created_at < {{ dbt.dateadd('day', 1, 'snapshots.health_date') }}
    group by
        snapshots.account_id,
        snapshots.health_date

),

late_invoices as (

    -- Invoices due in the 180 days before the day and paid after their due date or not paid
    -- by the day: known on the day (a payment after the day is still "not paid" then).
    select
        snapshots.account_id,
        snapshots.health_date,
        count(invoices.due_date) as late_invoices_180d
    from snapshots
    left join invoices
        on
            snapshots.account_id = invoices.account_id
            and invoices.due_date >= {{ dbt.dateadd('day', -179, 'snapshots.health_date') }}
            and snapshots.health_date > invoices.due_date
            and (
                invoices.paid_at is null
                or invoices.paid_at >= {{ dbt.dateadd('day', 1, 'invoices.due_date') }}
            )
    group by
        snapshots.account_id,
        snapshots.health_date

),

final as (

    select
        {{ dbt.concat(['snapshots.account_id', "'-'",
            dbt.cast('snapshots.health_date', dbt.type_string())]) }} as observation_id,
        snapshots.account_id,
        snapshots.health_date as observation_date,
        snapshots.month_start_date,
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
        {{ dbt.datediff('first_starts.first_start_date', 'snapshots.health_date', 'day') }}
            as tenure_days,
        lifecycle.days_since_contract_start,
        lifecycle.days_to_renewal,
        revenue.mrr_usd,
        ticket_counts.tickets_90d,
        late_invoices.late_invoices_180d,
        case
            when snapshots.is_churned_within_horizon then 1.0
            when not snapshots.is_churned_within_horizon then 0.0
        end as is_churned_90d
    from snapshots
    inner join daily as today
        on
            snapshots.account_id = today.account_id
            and snapshots.health_date = today.health_date
    left join daily as days_30_ago
        on
            snapshots.account_id = days_30_ago.account_id
            and days_30_ago.health_date
            = {{ dbt.dateadd('day', -30, 'snapshots.health_date') }}
    left join daily as days_90_ago
        on
            snapshots.account_id = days_90_ago.account_id
            and days_90_ago.health_date
            = {{ dbt.dateadd('day', -90, 'snapshots.health_date') }}
    inner join measures
        on
            snapshots.account_id = measures.account_id
            and snapshots.health_date = measures.health_date
    left join first_starts
        on snapshots.account_id = first_starts.account_id
    left join lifecycle
        on
            snapshots.account_id = lifecycle.account_id
            and snapshots.month_start_date = lifecycle.month_start_date
    left join revenue
        on
            snapshots.account_id = revenue.account_id
            and snapshots.month_start_date = revenue.month_start_date
    left join ticket_counts
        on
            snapshots.account_id = ticket_counts.account_id
            and snapshots.health_date = ticket_counts.health_date
    left join late_invoices
        on
            snapshots.account_id = late_invoices.account_id
            and snapshots.health_date = late_invoices.health_date

)

select * from final
