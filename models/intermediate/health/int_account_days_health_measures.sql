{%- set account_day = ['account_id', 'health_date'] %}

with

billing as (

    select
        account_id,
        health_date,
        seats,
        mrr_growth_90d
    from {{ ref('int_account_days_billing_measured') }}

),

product as (

    select
        account_id,
        health_date,
        active_days_30d,
        active_users_30d,
        sessions_30d,
        workflow_starts_30d,
        api_calls_30d,
        feature_breadth,
        session_depth,
        workflow_completion_rate,
        active_user_growth,
        feature_expansion,
        api_growth
    from {{ ref('int_account_days_product_measured') }}

),

outcomes as (

    select
        account_id,
        health_date,
        milestones_on_time_rate,
        time_to_first_value_days,
        has_reached_first_value
    from {{ ref('int_account_days_outcomes_measured') }}

),

relationship as (

    select
        account_id,
        health_date,
        nps_average,
        csat_average,
        csm_touches_90d,
        escalations_90d
    from {{ ref('int_account_days_relationship_measured') }}

),

contacts as (

    select
        account_id,
        health_date,
        executive_sponsor_present,
        active_champions
    from {{ ref('int_account_days_contacts_measured') }}

),

final as (

    -- The days scored are the live days of the billing measures.
    select
        {{ compound_id(['billing.account_id', 'billing.health_date']) }} as account_day_id,
        billing.account_id,
        billing.seats,
        product.active_days_30d,
        product.active_users_30d,
        product.sessions_30d,
        product.workflow_starts_30d,
        product.api_calls_30d,
        cast(
            product.active_users_30d * 1.0 / nullif(billing.seats, 0) as decimal(18, 6)
        ) as seat_utilisation,
        product.feature_breadth,
        product.session_depth,
        product.workflow_completion_rate,
        outcomes.milestones_on_time_rate,
        outcomes.time_to_first_value_days,
        outcomes.has_reached_first_value,
        relationship.nps_average,
        relationship.csat_average,
        {{ unless_absent('relationship.csm_touches_90d', ['crm_activities'], dbt.type_int()) }}
            as csm_touches_90d,
        {{ unless_absent('contacts.executive_sponsor_present', ['crm_contacts'], dbt.type_int()) }}
            as executive_sponsor_present,
        {{ unless_absent('contacts.active_champions', ['crm_contacts'], dbt.type_int()) }}
            as active_champions,
        {{ unless_absent('relationship.escalations_90d', ['crm_support_tickets'], dbt.type_int()) }}
            as escalations_90d,
        product.active_user_growth,
        product.feature_expansion,
        product.api_growth,
        billing.mrr_growth_90d,
        billing.health_date
    from billing
    left join product
        on {{ join_on_keys('billing', 'product', account_day) }}
    left join outcomes
        on {{ join_on_keys('billing', 'outcomes', account_day) }}
    left join relationship
        on {{ join_on_keys('billing', 'relationship', account_day) }}
    left join contacts
        on {{ join_on_keys('billing', 'contacts', account_day) }}

)

select * from final
