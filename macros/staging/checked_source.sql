{#-
    The raw data contract (SPEC section 2), checked when a staging model is built, so that a
    malformed source stops the build with an error naming the raw table, the column and the rows
    instead of a database error further down the DAG (or, for an empty table, no error at all).
    Returns the relation unchanged; staging models read their raw table through it:

        from {{ checked_source(source('billing', 'billing_subscriptions')) }}

    The contract is the `column_types` of the seed of the same name (seeds/_seeds.yml, kept equal
    to python/cs_analytics/contract.py by a pytest). The checks run on a raw table in the
    warehouse catalog and on a source read from files (an external location other than the
    catalog table, e.g. read_parquet), not on the empty warehouse sqlfluff lints against, and
    raise one compiler error listing every problem found:
    - every contract column is present (a missing column is named; more columns are allowed);
    - the table has rows, unless var('allow_empty_sources') lists it: an empty export is a
      failed load, not "no data" (skipped under `dbt build --empty`);
    - a column landed as text where the contract has another type holds only values that cast to
      that type (the number of bad rows, and some keys and values, are named).

    A raw table listed in var('absent_sources') (a system the company does not have) is not read
    at all and need not exist: checked_source returns an empty select typed by the contract, so
    the staging model builds as an empty relation with its usual columns.
-#}
{% macro checked_source(relation) %}
    {%- if is_absent_source(relation.identifier) -%}
        {{- return(absent_source_select(relation.identifier)) -}}
    {%- endif -%}
    {%- if execute -%}
        {%- do check_source_contract(relation) -%}
    {%- endif -%}
    {{- return(relation) -}}
{% endmacro %}


{#-
    Whether var('absent_sources') declares the raw table absent. Every name listed must be a raw
    table of the contract (a seed with column_types): a misspelt name fails the build, never
    silently declares nothing absent. Unit tests are built on their given rows, absent tables
    or not: inside a unit test nothing is absent.
-#}
{% macro is_absent_source(table_name) %}
    {%- if model is defined and model is mapping and model.get('resource_type') == 'unit_test' -%}
        {{- return(false) -}}
    {%- endif -%}
    {%- set absent = var('absent_sources', []) -%}
    {%- if absent is string -%}
        {{- exceptions.raise_compiler_error(
            'var absent_sources must be a list of raw table names, got ' ~ absent
        ) -}}
    {%- endif -%}
    {%- if execute and graph.nodes is defined -%}
        {%- for name in absent if not source_contract_types(name) -%}
            {{- exceptions.raise_compiler_error(
                'var absent_sources lists ' ~ name ~ ', which is not a raw table of the contract'
                ~ ' (seeds/_seeds.yml)'
            ) -}}
        {%- endfor -%}
    {%- endif -%}
    {{- return(table_name in absent) -}}
{% endmacro %}


{#-
    An absent raw table as an empty select with the contract's columns and types, in the
    contract's order (what the staging model would read from an empty export).
-#}
{% macro absent_source_select(table_name) %}
    {%- set contract = source_contract_types(table_name)
        if execute and graph.nodes is defined else {} -%}
    {%- set columns = [] -%}
    {%- for column_name, data_type in contract.items() -%}
        {%- do columns.append('cast(null as ' ~ data_type ~ ') as ' ~ column_name) -%}
    {%- endfor -%}
    {%- if not columns -%}
        {#- While parsing the graph is not loaded: any select will do. -#}
        {%- do columns.append('cast(null as ' ~ dbt.type_string() ~ ') as absent_column') -%}
    {%- endif -%}
    {{- return('(select ' ~ columns | join(', ') ~ ' where 1 = 0)') -}}
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
    {%- set external = relation.external if relation.external is defined else none -%}
    {%- set reads_files = external and external != catalog_table_select(relation) -%}
    {%- if not contract or (in_catalog is none and not reads_files) -%}
        {{- return(none) -}}
    {%- endif -%}

    {%- if reads_files -%}
        {#- Files: the columns (and types) of what the external location reads. -#}
        {%- set table_label = relation.identifier ~ ' (read from ' ~ external ~ ')' -%}
        {%- set found_columns = get_column_schema_from_query(
            'select * from ' ~ relation ~ ' as source_rows'
        ) -%}
    {%- else -%}
        {%- set table_label = relation.schema ~ '.' ~ relation.identifier -%}
        {%- set found_columns = adapter.get_columns_in_relation(relation) -%}
    {%- endif -%}
    {%- set columns = {} -%}
    {%- for column in found_columns -%}
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


{#-
    What the default external location (var raw_external_location) reads for a relation: its
    catalog table. Any other external location reads files (or another relation), which the
    contract checks query directly.
-#}
{% macro catalog_table_select(relation) %}
    {{- return('(select * from ' ~ relation.schema ~ '.' ~ relation.identifier ~ ')') -}}
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


{#-
    A measure read from raw tables, or null (typed) when var absent_sources declares one of them
    absent: a count over a table the company does not have is unknown, not zero.
-#}
{% macro unless_absent(expression, raw_tables, data_type) -%}
    {%- set absent = [] -%}
    {%- for table_name in raw_tables if is_absent_source(table_name) -%}
        {%- do absent.append(table_name) -%}
    {%- endfor -%}
    {%- if absent -%}
        cast(null as {{ data_type }})
    {%- else -%}
        {{ expression }}
    {%- endif -%}
{%- endmacro %}
