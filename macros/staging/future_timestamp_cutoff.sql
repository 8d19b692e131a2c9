{#-
    First instant considered "in the future": the start of the day after
    var('as_of_date') + var('future_tolerance_days'). A timestamp at or after it is rejected as
    `future_timestamp` (i.e. dated later than as_of_date + tolerance). No wall clock.
-#}
{% macro future_timestamp_cutoff() -%}
    {{ dbt.dateadd(
        'day',
        (var('future_tolerance_days') | int) + 1,
        "cast('" ~ var('as_of_date') ~ "' as date)"
    ) }}
{%- endmacro %}
