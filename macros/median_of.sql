{#-
    Median of a numeric column: DuckDB, Postgres, Snowflake and others spell it differently,
    so it is dispatched; the default is the ordered-set aggregate of the SQL standard.
-#}
{% macro median_of(column) -%}
    {{ return(adapter.dispatch('median_of')(column)) }}
{%- endmacro %}

{% macro default__median_of(column) -%}
    percentile_cont(0.5) within group (order by {{ column }})
{%- endmacro %}

{% macro duckdb__median_of(column) -%}
    median({{ column }})
{%- endmacro %}
