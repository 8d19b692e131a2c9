{#- Improvement of a duration KPI: 1 - its mean over the rows dated in the period (by default the KPI period) / its mean over the earlier rows. -#}
{% macro kpi_improvement(value, date_column, period_start=kpi_period_start()) -%}
    1 - avg(case when {{ date_column }} >= {{ period_start }} then {{ value }} end)
    / nullif(avg(case when {{ date_column }} < {{ period_start }} then {{ value }} end), 0)
{%- endmacro %}

{#- Share of the rows whose boolean is true, among those where it is known (not null). -#}
{% macro share_true(flag) -%}
    avg(case when {{ flag }} then 1.0 when not {{ flag }} then 0.0 end)
{%- endmacro %}

{#- The columns of a KPI measurement row, in the order every KPI model returns them; the period is by default the KPI period. -#}
{% macro kpi_columns(kpi_name, computation, actual_value, sample_size, period_start=kpi_period_start()) -%}
    '{{ kpi_name }}' as kpi_name,
    '{{ computation }}' as computation,
    {{ actual_value }} as actual_value,
    {{ sample_size }} as sample_size,
    cast({{ period_start }} as date) as period_start_date
{%- endmacro %}
