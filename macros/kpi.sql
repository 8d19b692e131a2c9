{#- Improvement of a duration KPI: 1 - its mean over the rows dated in the period (by default the KPI period) / its mean over the earlier rows. -#}
{% macro kpi_improvement(value, date_column, period_start=kpi_period_start()) -%}
    1 - avg(case when {{ date_column }} >= {{ period_start }} then {{ value }} end)
    / nullif(avg(case when {{ date_column }} < {{ period_start }} then {{ value }} end), 0)
{%- endmacro %}

{#- Share of the rows whose boolean is true, among those where it is known (not null). -#}
{% macro share_true(flag) -%}
    avg(case when {{ flag }} then 1.0 when not {{ flag }} then 0.0 end)
{%- endmacro %}

{#- The columns of a KPI measurement row, in the order every KPI model returns them; the period is by default the KPI period. A KPI that `needs` a raw table declared absent (var absent_sources) is not measured: no value and no sample (the scorecard says no data), and the computation says why. -#}
{% macro kpi_columns(kpi_name, computation, actual_value, sample_size, period_start=kpi_period_start(), needs=[]) -%}
    {%- set absent = [] -%}
    {%- for table_name in needs if is_absent_source(table_name) -%}
        {%- do absent.append(table_name) -%}
    {%- endfor -%}
    '{{ kpi_name }}' as kpi_name,
    {%- if absent %}
    '{{ computation }} (no data: {{ absent | join(', ') }} declared absent in var absent_sources)'
        as computation,
    {#- Aggregates: one row, like the measured KPI's, whatever the rows it reads. #}
    max(cast(null as {{ dbt.type_float() }})) as actual_value,
    max(cast(null as {{ dbt.type_bigint() }})) as sample_size,
    {%- else %}
    '{{ computation }}' as computation,
    {{ actual_value }} as actual_value,
    {{ sample_size }} as sample_size,
    {%- endif %}
    cast({{ period_start }} as date) as period_start_date
{%- endmacro %}
