{#- The text id of a row from its key columns: each cast to string, joined with '-'. -#}
{% macro compound_id(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- if not loop.first %}{% do parts.append("'-'") %}{% endif -%}
        {%- do parts.append(dbt.cast(column, dbt.type_string())) -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
