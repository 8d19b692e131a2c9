{#-
    Data-quality scorecard (SPEC section 8): one row per data-quality check, i.e. per dq_* test
    declared in the YAML files of the sources and models (macro dq_checks() reads them from the
    graph). Each dq_* test stores its one measurement row (ratio macros of
    macros/data_quality, status by dq_status) as a view named after the test; this model
    unions those views, so the scorecard reports exactly what the tests measure, on the
    current data (views), and its compiled SQL stays one line per check.
    The views are created by the tests: `dbt build` runs every dq test before this model, as
    they read the sources and the staging models listed below, which this model depends on
    (assert_fct_data_quality_scorecard_has_every_dq_test fails when a dq test reads a model
    missing from the list). A check whose test has never run stops this model with an error
    naming it (run `dbt build`, or `dbt test -s test_name:dq_*`).
-#}

{%- set checked_models = [
    'int_users_validated',
    'int_events_validated',
    'int_accounts_validated',
    'int_contacts_validated',
    'int_opportunities_validated',
    'int_activities_validated',
    'int_interventions_validated',
    'int_milestones_validated',
    'int_support_tickets_validated',
    'int_nps_responses_validated',
    'int_plans_validated',
    'int_subscriptions_validated',
    'int_invoices_validated',
    'int_fx_rates_validated',
    'int_acquisition_costs_validated',
    'int_kpi_targets_validated',
] %}
{%- for model_name in checked_models %}
-- depends_on: {{ ref(model_name) }}
{%- endfor %}
{%- set checks = dq_checks() %}
{%- if execute and flags.WHICH in ('run', 'build', 'retry') %}
    {#- Which result views exist (read from the database: the relation cache does not see the
        views the tests created during this run). -#}
    {%- set schemas = [] %}
    {%- set existing = [] %}
    {%- for check in checks if check.result_relation.schema not in schemas %}
        {%- set schema = check.result_relation.schema %}
        {%- do schemas.append(schema) %}
        {%- for row in dbt.list_relations_without_caching(
            check.result_relation.without_identifier()
        ) %}
            {%- do existing.append((schema ~ '.' ~ row['name']) | lower) %}
        {%- endfor %}
    {%- endfor %}
    {%- set missing = [] %}
    {%- for check in checks %}
        {%- set result = check.result_relation %}
        {%- if (result.schema ~ '.' ~ result.identifier) | lower not in existing %}
            {%- do missing.append(check.check_id) %}
        {%- endif %}
    {%- endfor %}
    {%- if missing %}
        {{ exceptions.raise_compiler_error(
            'fct_data_quality_scorecard reads the results of the dq tests, and ' ~ missing | length
            ~ ' have not run yet, e.g. ' ~ missing[:3] | join(', ') ~ '. Run `dbt build` (or '
            ~ '`dbt test -s test_name:dq_*`) first.'
        ) }}
    {%- endif %}
{%- endif %}

with

-- The measurement row of each check, as stored by its test.
check_results as (

    select
        cast(null as {{ dbt.type_string() }}) as check_id,
        cast(null as {{ dbt.type_string() }}) as resource_type,
        cast(null as {{ dbt.type_string() }}) as severity,
        cast(null as {{ dbt.type_string() }}) as dimension,
        cast(null as {{ dbt.type_string() }}) as check_name,
        cast(null as {{ dbt.type_string() }}) as model_name,
        cast(null as {{ dbt.type_string() }}) as column_name,
        cast(null as {{ dbt.type_string() }}) as check_rule,
        cast(null as {{ dbt.type_string() }}) as unit,
        cast(null as {{ dbt.type_string() }}) as status,
        cast(null as {{ dbt.type_string() }}) as comparison,
        cast(null as {{ dbt.type_bigint() }}) as numerator,
        cast(null as {{ dbt.type_bigint() }}) as denominator,
        cast(null as {{ dbt.type_bigint() }}) as failing_count,
        cast(null as decimal(10, 6)) as measured_ratio,
        cast(null as decimal(10, 6)) as threshold
    where 1 = 0
    {%- for check in checks %}
        union all
        select
            '{{ check.check_id }}', '{{ check.resource_type }}', '{{ check.severity }}',
            dimension, check_name, model_name, column_name, check_rule, unit, status,
            comparison, numerator, denominator, failing_count, measured_ratio, threshold
        from {{ check.result_relation }}
    {%- endfor %}

),

final as (

    select
        check_id,
        dimension,
        check_name,
        resource_type,
        model_name,
        column_name,
        check_rule,
        unit,
        status,
        severity,
        comparison,
        numerator,
        denominator,
        failing_count,
        measured_ratio,
        threshold,
        {{ as_of_date() }} as as_of_date
    from check_results

)

select * from final
