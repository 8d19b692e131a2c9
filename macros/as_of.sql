{#- The as-of date of the build (var('as_of_date')) as a SQL date literal. -#}
{% macro as_of_date() -%}
    cast('{{ var("as_of_date") }}' as date)
{%- endmacro %}

{#- The end of the as-of date (midnight after it) as a timestamp: what is known at the build. -#}
{% macro as_of_period_end() -%}
    cast({{ dbt.dateadd('day', 1, as_of_date()) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}

{#- First day of the window of `months` months ending at the as-of date (the day after the as-of date `months` months earlier). -#}
{% macro as_of_window_start(months) -%}
    {{ dbt.dateadd('day', 1, dbt.dateadd('month', -months, as_of_date())) }}
{%- endmacro %}

{#- First day of the as-of date's month: the month a build reports as current. -#}
{% macro as_of_month() -%}
    {{ dbt.date_trunc('month', as_of_date()) }}
{%- endmacro %}
