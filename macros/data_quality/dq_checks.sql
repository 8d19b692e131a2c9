{#-
    Data-quality checks (SPEC section 8): what each kind of check is, its target, the body of
    every dq_* generic test (one measurement row, stored as a view that fct_data_quality_scorecard
    reads), and the list of checks, read from the dq_* tests of the project (so the YAML files
    are the one place where checks are declared).
-#}

{#- Every kind of check: its SPEC dimension, what it counts and its default target. -#}
{% macro dq_check_kinds() %}
    {{ return({
        'dq_accuracy': {
            'dimension': 'accuracy', 'unit': 'rows',
            'target_var': 'dq_accuracy_target', 'default_threshold': 0.99, 'comparison': '>',
        },
        'dq_validity': {
            'dimension': 'accuracy', 'unit': 'rows',
            'target_var': 'dq_accuracy_target', 'default_threshold': 0.99, 'comparison': '>',
        },
        'dq_completeness': {
            'dimension': 'completeness', 'unit': 'rows',
            'target_var': 'dq_completeness_target', 'default_threshold': 0.95, 'comparison': '>',
        },
        'dq_consistency': {
            'dimension': 'consistency', 'unit': 'rows',
            'target_var': 'dq_consistency_target', 'default_threshold': 0.98, 'comparison': '>',
        },
        'dq_invoice_consistency': {
            'dimension': 'consistency', 'unit': 'invoices',
            'target_var': 'dq_consistency_target', 'default_threshold': 0.98, 'comparison': '>',
        },
        'dq_freshness': {
            'dimension': 'freshness', 'unit': 'days',
            'target_var': 'dq_freshness_target', 'default_threshold': 0.98, 'comparison': '>',
        },
        'dq_customer_matching': {
            'dimension': 'customer_matching', 'unit': 'accounts',
            'target_var': 'dq_customer_matching_target', 'default_threshold': 0.95,
            'comparison': '>=',
        },
    }) }}
{% endmacro %}

{#- The threshold and comparison of a check: the test's own, else the kind's target var. -#}
{% macro dq_target(check_name, threshold=none, comparison=none) %}
    {%- set kind = dq_check_kinds()[check_name] -%}
    {%- set resolved = {
        'threshold': threshold if threshold is not none
            else var(kind.target_var, kind.default_threshold),
        'comparison': comparison if comparison is not none else kind.comparison,
    } -%}
    {%- if resolved.comparison not in ('>', '>=') -%}
        {{ exceptions.raise_compiler_error(
            check_name ~ ": comparison must be '>' or '>=', got '" ~ resolved.comparison ~ "'"
        ) }}
    {%- endif -%}
    {%- if not (0 <= resolved.threshold | float <= 1) -%}
        {{ exceptions.raise_compiler_error(
            check_name ~ ": threshold must be a ratio between 0 and 1, got " ~ resolved.threshold
        ) }}
    {%- endif -%}
    {{ return(resolved) }}
{% endmacro %}

{#- A SQL string literal of the text (quotes doubled), cast to the string type; or null. -#}
{% macro dq_literal(text) -%}
    {%- if text is none -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        cast('{{ text | string | replace("'", "''") }}' as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}

{#-
    What a check is, as literal values: dimension, check_name, model_name, column_name,
    check_rule, unit, threshold and comparison. Shared by the dq_* tests and the scorecard.
-#}
{% macro dq_check_info(check_name, model, args, threshold=none, comparison=none) %}
    {%- set kind = dq_check_kinds()[check_name] -%}
    {%- set target = dq_target(check_name, threshold, comparison) -%}
    {{ return({
        'dimension': kind.dimension,
        'check_name': check_name,
        'model_name': model.identifier,
        'column_name': args.get('column_name'),
        'check_rule': dq_rule(check_name, model, args),
        'unit': kind.unit,
        'threshold': target.threshold,
        'comparison': target.comparison,
    }) }}
{% endmacro %}

{#- The select-list items of a check's info as typed literals. -#}
{% macro dq_check_info_columns(info) %}
    {%- set columns = [
        'dimension', 'check_name', 'model_name', 'column_name', 'check_rule', 'unit',
    ] -%}
    {%- for column in columns -%}
        {{ dq_literal(info[column]) }} as {{ column }},
    {% endfor -%}
    cast({{ info.threshold }} as decimal(10, 6)) as threshold,
    {{ dq_literal(info.comparison) }} as comparison
{%- endmacro %}

{#- numerator / denominator rounded to 6 decimals; null when nothing is measured. -#}
{% macro dq_measured_ratio(numerator, denominator) -%}
    cast(round({{ numerator }} * 1.0 / nullif({{ denominator }}, 0), 6) as decimal(10, 6))
{%- endmacro %}

{#-
    Status of a check from its counts, on the exact counts (not the rounded ratio): no_data
    when nothing is measured, pass when numerator / denominator meets the threshold with the
    comparison (`>` or `>=`), else fail. Arguments are SQL expressions.
-#}
{% macro dq_status(numerator, denominator, threshold, comparison) -%}
    case
        when {{ denominator }} = 0 then 'no_data'
        when {{ comparison }} = '>=' and {{ numerator }} >= {{ threshold }} * {{ denominator }}
            then 'pass'
        when {{ comparison }} = '>' and {{ numerator }} > {{ threshold }} * {{ denominator }}
            then 'pass'
        else 'fail'
    end
{%- endmacro %}

{#-
    The body of every dq_* generic test: the check measured with dq_ratio() and judged with
    dq_status(), as one row - model, column, check_rule, counts, measured ratio, threshold,
    comparison, status and a readable result_message. The row is always returned: the test
    fails when its status is fail (fail_calc), a check with nothing to measure (no_data)
    passes. The row is stored as a view named after the test in the schema data_quality
    (store_failures_as; a project or YAML `schema` config on the test overrides it), so dbt's
    failure output points at it and fct_data_quality_scorecard reads it: the scorecard shows
    exactly what the tests measure.
-#}
{% macro dq_test(check_name, model, args, threshold=none, comparison=none) %}
{{ config(
    fail_calc="sum(case when status = 'fail' then 1 else 0 end)",
    store_failures_as='view',
    schema='data_quality',
) }}
{%- set info = dq_check_info(check_name, model, args, threshold, comparison) %}

with

measured as (

    select
        {{ dq_check_info_columns(info) | indent(8) }},
        cast(coalesce(ratio.numerator, 0) as {{ dbt.type_bigint() }}) as numerator,
        cast(coalesce(ratio.denominator, 0) as {{ dbt.type_bigint() }}) as denominator
    from (
        {{ dq_ratio(check_name, model, args) | indent(8) }}
    ) as ratio

),

checked as (

    select
        model_name,
        column_name,
        check_name,
        dimension,
        check_rule,
        unit,
        numerator,
        denominator,
        denominator - numerator as failing_count,
        {{ dq_measured_ratio('numerator', 'denominator') }} as measured_ratio,
        threshold,
        comparison,
        {{ dq_status('numerator', 'denominator', 'threshold', 'comparison') | indent(8) }} as status
    from measured

),

final as (

    select
        model_name,
        column_name,
        check_name,
        dimension,
        check_rule,
        unit,
        numerator,
        denominator,
        failing_count,
        measured_ratio,
        threshold,
        comparison,
        status,
        {{ dbt.concat([
            'model_name',
            "coalesce('.' || column_name, '')",
            "': " ~ check_name ~ " measured '",
            "coalesce(cast(measured_ratio as " ~ dbt.type_string() ~ "), 'nothing')",
            "' against '",
            'comparison',
            "' '",
            'cast(threshold as ' ~ dbt.type_string() ~ ')',
            "' - '",
            'status',
            "' ('",
            'cast(failing_count as ' ~ dbt.type_string() ~ ')',
            "' of '",
            'cast(denominator as ' ~ dbt.type_string() ~ ')',
            "' '",
            'unit',
            "' fail: '",
            'check_rule',
            "')'",
        ]) }} as result_message
    from checked

)

select * from final

{% endmacro %}

{#-
    The data-quality checks of the project, read from the graph at execution: one per dq_*
    generic test (check_id = the test's name), sorted, with its kind, resource type (source or
    model), severity and the relation where the test stores its measurement row. Empty while
    parsing. Tests that read the calling model itself are left out.
-#}
{% macro dq_checks() %}
    {%- set checks = [] -%}
    {%- if execute -%}
        {%- set kinds = dq_check_kinds() -%}
        {%- for node in graph.nodes.values() | sort(attribute='name') -%}
            {%- set metadata = node.get('test_metadata') or {} -%}
            {%- if node.resource_type == 'test'
                and metadata.get('name') in kinds
                and metadata.get('namespace') is none
                and model.unique_id not in node.depends_on.nodes -%}
                {%- do checks.append({
                    'check_id': node.name,
                    'check_name': metadata.name,
                    'resource_type': 'source' if 'source(' in metadata.kwargs.model else 'model',
                    'severity': node.config.severity | lower,
                    'result_relation': api.Relation.create(
                        database=node.database, schema=node.schema, identifier=node.alias
                    ),
                }) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(checks) }}
{% endmacro %}
