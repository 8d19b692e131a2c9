{#-
    The adapter's 8-byte floating-point type. dbt.type_float() is `float`, a 4-byte REAL on
    DuckDB and Spark, so it would round the churn model's probabilities; dispatched, the
    default is the SQL standard's `double precision`.
-#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
