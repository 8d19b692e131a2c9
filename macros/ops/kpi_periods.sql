{#- First day of the KPI period: the 12 months ending at the as-of date. -#}
{% macro kpi_period_start() -%}
    {{ as_of_window_start(12) }}
{%- endmacro %}

{#- First day of the prior KPI period: the 12 months before the KPI period. -#}
{% macro kpi_prior_period_start() -%}
    {{ as_of_window_start(24) }}
{%- endmacro %}
