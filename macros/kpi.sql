{#- Improvement of a duration KPI: 1 - its mean over the rows dated in the period / its mean over the earlier rows. -#}
{% macro kpi_improvement(value, date_column, period_start) -%}
    1 - avg(case when {{ date_column }} >= {{ period_start }} then {{ value }} end)
    / nullif(avg(case when {{ date_column }} < {{ period_start }} then {{ value }} end), 0)
{%- endmacro %}

{#- Share of the rows whose boolean is true, among those where it is known (not null). -#}
{% macro share_true(flag) -%}
    avg(case when {{ flag }} then 1.0 when not {{ flag }} then 0.0 end)
{%- endmacro %}
