{#-
    Data-quality checks (SPEC section 8): what each kind of check is, the target it is held to
    and the SQL of a measurement model (models/intermediate/data_quality), which measures the
    checks declared in it (macros of dq_ratios.sql) as one row per check. Every check reads
    models: a raw table through its staging model (which keeps every raw row), the usable rows
    through int_<entity>s_validated.
-#}

{#-
    Every kind of check: its SPEC dimension and what it counts. A dimension's target is the var
    dq_<dimension>_target (dbt_project.yml) with the dimension's comparison.
-#}
{% macro dq_check_kinds() %}
    {%- set dimensions = {
        'accuracy': ('>', {'dq_accuracy': 'rows', 'dq_validity': 'rows'}),
        'completeness': ('>', {'dq_completeness': 'rows'}),
        'consistency': ('>', {'dq_consistency': 'rows', 'dq_invoice_consistency': 'invoices'}),
        'freshness': ('>', {'dq_freshness': 'days'}),
        'customer_matching': ('>=', {'dq_customer_matching': 'accounts'}),
    } -%}
    {%- set kinds = {} -%}
    {%- for dimension, target in dimensions.items() -%}
        {%- for check_name, unit in target[1].items() -%}
            {%- do kinds.update({check_name: {
                'dimension': dimension, 'unit': unit,
                'target_var': 'dq_' ~ dimension ~ '_target', 'comparison': target[0],
            }}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(kinds) }}
{% endmacro %}

{#- The threshold (the kind's target var, declared in dbt_project.yml) and comparison. -#}
{% macro dq_target(check_name) %}
    {%- set kind = dq_check_kinds()[check_name] -%}
    {%- set threshold = var(kind.target_var) -%}
    {%- if not (0 <= threshold | float <= 1) -%}
        {{ exceptions.raise_compiler_error(
            kind.target_var ~ ' must be a ratio between 0 and 1, got ' ~ threshold
        ) }}
    {%- endif -%}
    {{ return({'threshold': threshold, 'comparison': kind.comparison}) }}
{% endmacro %}

{#-
    One check as declared by the macros of dq_ratios.sql: what it is (kind, checked relation,
    column, rule, target) and its stable check_id, <kind>.<relation>[.<column>] (kind without
    the dq_ prefix). resource_type is source when the relation is a staging model (the raw
    table as landed: every raw row) and model otherwise (usable rows). `reads`: the other
    relations the check compares with (the known keys of a consistency check). absent_tables:
    the raw tables of the relation and of `reads` that var absent_sources declares absent; a
    check that reads one is not applicable (dq_measure), and its rule says why.
-#}
{% macro dq_check(check_name, relation, column_name, check_rule, reads=[]) %}
    {%- set kind = dq_check_kinds()[check_name] -%}
    {%- set target = dq_target(check_name) -%}
    {%- set parts = [check_name | replace('dq_', '', 1), relation.identifier] -%}
    {%- if column_name -%}
        {%- do parts.append(column_name) -%}
    {%- endif -%}
    {%- set absent_tables = dq_absent_tables([relation] + reads) -%}
    {%- if absent_tables -%}
        {%- set check_rule = check_rule ~ ' (not applicable: ' ~ absent_tables | join(', ')
            ~ ' declared absent in var absent_sources)' -%}
    {%- endif -%}
    {{ return({
        'check_id': parts | join('.'),
        'dimension': kind.dimension,
        'check_name': check_name,
        'resource_type': 'source' if dq_raw_source_node(relation) is not none else 'model',
        'model_name': relation.identifier,
        'column_name': column_name,
        'check_rule': check_rule,
        'unit': kind.unit,
        'threshold': target.threshold,
        'comparison': target.comparison,
        'absent_tables': absent_tables,
    }) }}
{% endmacro %}

{#-
    The raw table a relation measures: the source of a staging model, or the raw table of a
    usable-rows model int_<entity>_validated (validation_tables); none for any other model.
-#}
{% macro dq_raw_table(relation) %}
    {%- set source_node = dq_raw_source_node(relation) -%}
    {%- if source_node is not none -%}
        {{ return(source_node.identifier) }}
    {%- endif -%}
    {%- for tables in validation_tables().values() -%}
        {%- for table_name in tables
            if relation.identifier == 'int_' ~ validation_alias(table_name) ~ '_validated' -%}
            {{ return(table_name) }}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}

{#- The raw tables of the relations (dq_raw_table) that var absent_sources declares absent. -#}
{% macro dq_absent_tables(relations) %}
    {%- set absent = [] -%}
    {%- for relation in relations -%}
        {%- set table_name = dq_raw_table(relation) -%}
        {%- if table_name is not none and is_absent_source(table_name)
            and table_name not in absent -%}
            {%- do absent.append(table_name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(absent) }}
{% endmacro %}

{#-
    The source node (graph.sources) that the model of a relation reads, i.e. the raw table of
    a staging model; none for any other model (and while parsing).
-#}
{% macro dq_raw_source_node(relation) %}
    {%- if execute -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model'
                and node.alias | lower == relation.identifier | lower
                and node.schema | lower == relation.schema | lower -%}
                {%- for parent_id in node.depends_on.nodes -%}
                    {%- if parent_id.startswith('source.') -%}
                        {{ return(graph.sources[parent_id]) }}
                    {%- endif -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(none) }}
{% endmacro %}

{#- A SQL string literal of the text (quotes doubled), or null. -#}
{% macro dq_literal(text) -%}
    {%- if text is none -%}
        null
    {%- else -%}
        '{{ text | string | replace("'", "''") }}'
    {%- endif -%}
{%- endmacro %}

{#- numerator / denominator rounded to 6 decimals; null when nothing is measured. -#}
{% macro dq_measured_ratio(numerator, denominator) -%}
    cast(round({{ numerator }} * 1.0 / nullif({{ denominator }}, 0), 6) as decimal(10, 6))
{%- endmacro %}

{#-
    Status of a check from its counts, on the exact counts (not the rounded ratio):
    not_applicable when `is_applicable` is false (the check reads a raw table declared absent),
    no_data when nothing is measured, pass when numerator / denominator meets the threshold with the
    comparison (`>` or `>=`), else fail. Arguments are SQL expressions.
-#}
{% macro dq_status(numerator, denominator, threshold, comparison, is_applicable='true') -%}
    case
        when not {{ is_applicable }} then 'not_applicable'
        when {{ denominator }} = 0 then 'no_data'
        when {{ comparison }} = '>=' and {{ numerator }} >= {{ threshold }} * {{ denominator }}
            then 'pass'
        when {{ comparison }} = '>' and {{ numerator }} > {{ threshold }} * {{ denominator }}
            then 'pass'
        else 'fail'
    end
{%- endmacro %}

{#-
    The SQL of a measurement model: the measures declared in it (a list of dq_completeness(),
    dq_validity(), dq_accuracy(), ... calls, each a select returning one row with `denominator`
    and `numerator_1` ... `numerator_<n>` for its n checks), as one row per check with its
    counts, measured ratio, threshold, comparison and status (dq_status). A check that reads
    a raw table declared absent is not measured: counts 0, status not_applicable. The ref()
    calls of the declarations are the model's dependencies.
-#}
{% macro dq_measure(measures) %}
{%- set string = dbt.type_string() -%}
{%- set bigint = dbt.type_bigint() -%}
with
{% for measure in measures %}
measure_{{ loop.index }} as (

    {{ measure.sql | trim }}

),
{% endfor %}
declared as (
    {%- for measure in measures %}
        {%- set measure_index = loop.index %}
        {%- for check in measure.checks %}
    select
        {{ dq_literal(check.check_id) }} as check_id, {{ dq_literal(check.dimension) }} as dimension, {{ dq_literal(check.check_name) }} as check_name, {{ dq_literal(check.resource_type) }} as resource_type, {{ dq_literal(check.model_name) }} as model_name, {{ dq_literal(check.column_name) }} as column_name, {{ dq_literal(check.check_rule) }} as check_rule, {{ dq_literal(check.unit) }} as unit, {% if check.absent_tables %}0 as numerator, 0 as denominator{% else %}measure_{{ measure_index }}.numerator_{{ loop.index }} as numerator, measure_{{ measure_index }}.denominator as denominator{% endif %}, {{ check.threshold }} as threshold, {{ dq_literal(check.comparison) }} as comparison, {{ 'false' if check.absent_tables else 'true' }} as is_applicable
    from measure_{{ measure_index }}
    {%- if not loop.last %}
    union all
    {%- endif %}
        {%- endfor %}
        {%- if not loop.last %}
    union all
        {%- endif %}
    {%- endfor %}

),

typed as (

    select
        cast(check_id as {{ string }}) as check_id,
        cast(dimension as {{ string }}) as dimension,
        cast(check_name as {{ string }}) as check_name,
        cast(resource_type as {{ string }}) as resource_type,
        cast(model_name as {{ string }}) as model_name,
        cast(column_name as {{ string }}) as column_name,
        cast(check_rule as {{ string }}) as check_rule,
        cast(unit as {{ string }}) as unit,
        cast(coalesce(numerator, 0) as {{ bigint }}) as numerator,
        cast(coalesce(denominator, 0) as {{ bigint }}) as denominator,
        cast(threshold as decimal(10, 6)) as threshold,
        cast(comparison as {{ string }}) as comparison,
        is_applicable
    from declared

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
        numerator,
        denominator,
        denominator - numerator as failing_count,
        {{ dq_measured_ratio('numerator', 'denominator') }} as measured_ratio,
        threshold,
        comparison,
        {{ dq_status('numerator', 'denominator', 'threshold', 'comparison', 'is_applicable') | indent(8) }} as status
    from typed

)

select * from final
{% endmacro %}

{#- The columns of a measurement row, in the order every measurement model returns them. -#}
{% macro dq_check_columns() %}
    {{ return([
        'check_id', 'dimension', 'check_name', 'resource_type', 'model_name', 'column_name',
        'check_rule', 'unit', 'numerator', 'denominator', 'failing_count', 'measured_ratio',
        'threshold', 'comparison', 'status',
    ]) }}
{% endmacro %}

{#-
    A union step of measurement models: one import CTE per model (its measurement columns, in
    dq_check_columns() order), then their union. `relations` are ref()s, so dbt knows the
    parents at parse time.
-#}
{% macro dq_checks_union(relations) %}
with
{% for relation in relations %}
{{ relation.identifier }} as (

    select
        {{ dq_check_columns() | join(',\n        ') }}
    from {{ relation }}

),
{% endfor %}
final as (
{% for relation in relations %}
    select * from {{ relation.identifier }}
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}

)

select * from final
{% endmacro %}
