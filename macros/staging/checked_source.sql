{#-
    The raw data contract (SPEC section 2), checked when a staging model is built, so that a
    malformed source stops the build with an error naming the raw table, the column and the rows
    instead of a database error further down the DAG (or, for an empty table, no error at all).
    Returns the relation unchanged; staging models read their raw table through it:

        from {{ checked_source(source('billing', 'billing_subscriptions')) }}

    The contract is the `column_types` of the seed of the same name (seeds/_seeds.yml, kept equal
    to python/cs_analytics/contract.py by a pytest). The checks run only when the raw table is in
    the warehouse catalog (not for external files, nor on the empty warehouse sqlfluff lints
    against), and raise one compiler error listing every problem found:
    - every contract column is present (a missing column is named; more columns are allowed);
    - the table has rows, unless var('allow_empty_sources') lists it: an empty export is a
      failed load, not "no data" (skipped under `dbt build --empty`);
    - a column landed as text where the contract has another type holds only values that cast to
      that type (the number of bad rows, and some keys and values, are named).
-#}
{% macro checked_source(relation) %}
    {%- if execute -%}
        {%- do check_source_contract(relation) -%}
    {%- endif -%}
    {{- return(relation) -}}
{% endmacro %}


{#- The contract of a raw table: {column: type} from the seed's column_types ({} if none). -#}
{% macro source_contract_types(table_name) %}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'seed' and node.name == table_name -%}
            {{- return(node.config.column_types or {}) -}}
        {%- endif -%}
    {%- endfor -%}
    {{- return({}) -}}
{% endmacro %}


{% macro check_source_contract(relation) %}
    {%- set contract = source_contract_types(relation.identifier) -%}
    {%- set in_catalog = adapter.get_relation(
        database=relation.database,
        schema=relation.schema,
        identifier=relation.identifier,
    ) -%}
    {%- if not contract or in_catalog is none -%}
        {{- return(none) -}}
    {%- endif -%}

    {%- set table_label = relation.schema ~ '.' ~ relation.identifier -%}
    {%- set columns = {} -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- do columns.update({column.name | lower: column}) -%}
    {%- endfor -%}
    {%- set problems = [] -%}

    {#- 1. Missing columns. -#}
    {%- set missing = [] -%}
    {%- for column_name in contract if column_name | lower not in columns -%}
        {%- do missing.append(column_name) -%}
    {%- endfor -%}
    {%- if missing -%}
        {%- do problems.append(
            'missing column(s) ' ~ missing | join(', ')
            ~ ' (found: ' ~ columns.keys() | sort | join(', ') ~ ')'
        ) -%}
    {%- endif -%}

    {#- 2. Empty table. -#}
    {%- if relation.limit is none and relation.identifier not in var('allow_empty_sources') -%}
        {%- set probe = run_query(
            'select 1 as has_rows from ' ~ relation ~ ' as source_rows limit 1'
        ) -%}
        {%- if probe.rows | length == 0 -%}
            {%- do problems.append(
                'the table is empty (a failed load? list it in var allow_empty_sources if an '
                ~ 'empty table is expected)'
            ) -%}
        {%- endif -%}
    {%- endif -%}

    {#- 3. Text columns whose values do not cast to the contract type. -#}
    {%- set key_column = contract.keys() | first -%}
    {%- for column_name, data_type in contract.items() -%}
        {%- set column = columns.get(column_name | lower) -%}
        {%- if column is not none and column.is_string()
            and data_type | lower not in ('varchar', 'text', 'string') -%}
            {%- set bad_values -%}
                select
                    cast({{ key_column }} as {{ dbt.type_string() }}) as record_id,
                    cast({{ column_name }} as {{ dbt.type_string() }}) as raw_value,
                    count(*) over () as bad_rows
                from {{ relation }} as source_rows
                where
                    {{ column_name }} is not null
                    and {{ try_cast_or_null(column_name, data_type) }} is null
                limit 5
            {%- endset -%}
            {%- set bad = run_query(bad_values) -%}
            {%- if bad.rows | length > 0 -%}
                {%- set examples = [] -%}
                {%- for row in bad.rows -%}
                    {%- do examples.append(key_column ~ ' ' ~ row[0] ~ ": '" ~ row[1] ~ "'") -%}
                {%- endfor -%}
                {%- do problems.append(
                    'column ' ~ column_name ~ ' (' ~ column.dtype | lower ~ '): '
                    ~ bad.rows[0][2] ~ ' row(s) hold values that are not ' ~ data_type
                    ~ ', e.g. ' ~ examples | join('; ')
                ) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}

    {%- if problems -%}
        {{- exceptions.raise_compiler_error(
            'Raw table ' ~ table_label ~ ' breaks the data contract (seeds/_seeds.yml, SPEC '
            ~ 'section 2): ' ~ problems | join('; ')
        ) -}}
    {%- endif -%}
{% endmacro %}


{#- The value cast to data_type, or null when it does not cast (a database error otherwise). -#}
{% macro try_cast_or_null(expression, data_type) %}
    {{- return(adapter.dispatch('try_cast_or_null')(expression, data_type)) -}}
{% endmacro %}

{% macro default__try_cast_or_null(expression, data_type) -%}
    {{ dbt.safe_cast(expression, data_type) }}
{%- endmacro %}

{% macro duckdb__try_cast_or_null(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}
