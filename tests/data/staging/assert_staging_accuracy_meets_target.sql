{#-
    SPEC section 8, data accuracy: more than var('dq_accuracy_target', 0.99) of the rows of
    every raw table pass the staging validity rules (are staged, not rejected). Fails with one
    row per raw table below target, naming the table, the measured ratio and the threshold.
-#}
{%- set staged_tables = [
    ('product', 'product_users', 'stg_product__users'),
    ('product', 'product_events', 'stg_product__events'),
    ('crm', 'crm_accounts', 'stg_crm__accounts'),
    ('crm', 'crm_contacts', 'stg_crm__contacts'),
    ('crm', 'crm_opportunities', 'stg_crm__opportunities'),
    ('crm', 'crm_activities', 'stg_crm__activities'),
    ('crm', 'crm_interventions', 'stg_crm__interventions'),
    ('crm', 'crm_milestones', 'stg_crm__milestones'),
    ('crm', 'crm_support_tickets', 'stg_crm__support_tickets'),
    ('crm', 'crm_nps_responses', 'stg_crm__nps_responses'),
    ('billing', 'billing_plans', 'stg_billing__plans'),
    ('billing', 'billing_subscriptions', 'stg_billing__subscriptions'),
    ('billing', 'billing_invoices', 'stg_billing__invoices'),
    ('reference', 'fx_rates', 'stg_reference__fx_rates'),
    ('reference', 'acquisition_costs', 'stg_reference__acquisition_costs'),
    ('reference', 'kpi_targets', 'stg_reference__kpi_targets'),
] -%}

with

row_counts as (

    {% for system, raw_table, staging_model in staged_tables -%}
        select
            '{{ raw_table }}' as source_table,
            '{{ staging_model }}' as staging_model,
            (select count(*) from {{ source(system, raw_table) }}) as raw_rows,
            (select count(*) from {{ ref(staging_model) }}) as staged_rows
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

accuracy as (

    select
        source_table,
        staging_model,
        raw_rows,
        staged_rows,
        cast(staged_rows as {{ dbt.type_numeric() }})
        / nullif(raw_rows, 0) as accuracy_ratio,
        {{ var('dq_accuracy_target', 0.99) }} as accuracy_target
    from row_counts

)

select * from accuracy
where accuracy_ratio <= accuracy_target
