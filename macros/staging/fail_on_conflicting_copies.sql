{#-
    Post-hook of the staging models of reference data (fx rates, acquisition costs, KPI
    targets, billing plans, the event taxonomy and vocabularies): a reference key must have one
    value, so a key whose copies differ (rows the model rejects as `conflicting_duplicate`) fails
    the build, naming the raw table, each conflicting key and the values that differ, instead of
    quarantining the key (a missing rate or plan would skew every mart that reads it). Exact
    copies still deduplicate. Runs after the model is built, on the built relation; portable (a
    query and a compiler error, no engine function).

        {{ config(post_hook="{{ fail_on_conflicting_copies(['currency', 'month_start_date']) }}") }}
-#}
{% macro fail_on_conflicting_copies(key_columns, shown_keys=5) %}
    {%- if not execute -%}
        {{- return('') -}}
    {%- endif -%}
    {%- set keys = [key_columns] if key_columns is string else key_columns -%}
    {%- set conflicts_query -%}
        select *
        from {{ this }}
        where rejection_reason = 'conflicting_duplicate'
        order by {{ keys | join(', ') }}, duplicate_rank
    {%- endset -%}
    {%- set found = run_query(conflicts_query) -%}
    {%- if found.rows | length == 0 -%}
        {{- return('') -}}
    {%- endif -%}

    {%- set names = found.column_names | map('lower') | list -%}
    {%- set key_names = keys | map('lower') | list -%}
    {%- set copies_by_key = {} -%}
    {%- for row in found.rows -%}
        {%- set parts = [] -%}
        {%- for column in key_names -%}
            {%- do parts.append(column ~ ' ' ~ row[names.index(column)]) -%}
        {%- endfor -%}
        {%- set label = parts | join(', ') -%}
        {%- if label not in copies_by_key -%}
            {%- do copies_by_key.update({label: []}) -%}
        {%- endif -%}
        {%- do copies_by_key[label].append(row) -%}
    {%- endfor -%}

    {%- set described = [] -%}
    {%- for label, copies in (copies_by_key.items() | list)[:shown_keys] -%}
        {%- set differences = [] -%}
        {%- for column in names
            if column not in key_names + ['duplicate_rank', 'rejection_reason'] -%}
            {%- set position = names.index(column) -%}
            {%- set values = [] -%}
            {%- for row in copies -%}
                {%- set value = 'null' if row[position] is none else row[position] | string -%}
                {%- if value not in values -%}
                    {%- do values.append(value) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- if values | length > 1 -%}
                {%- do differences.append(column ~ ' ' ~ values | join(' vs ')) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do described.append(label ~ ' (' ~ copies | length ~ ' copies): '
            ~ differences | join(', ')) -%}
    {%- endfor -%}

    {%- set raw_tables = [] -%}
    {%- for source_name, table_name in model.sources -%}
        {%- set raw = source(source_name, table_name) -%}
        {%- do raw_tables.append(raw.schema ~ '.' ~ raw.identifier) -%}
    {%- endfor -%}
    {{- exceptions.raise_compiler_error(
        'Reference table ' ~ (raw_tables | join(', ') or this.identifier) ~ ' has '
        ~ copies_by_key | length ~ ' key(s) with conflicting copies (a reference key takes one '
        ~ 'value: correct the raw table; exact copies are deduplicated): '
        ~ described | join('; ')
        ~ ('; ...' if copies_by_key | length > shown_keys else '')
    ) -}}
{% endmacro %}
