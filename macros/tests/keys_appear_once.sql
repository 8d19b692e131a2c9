{#- The body of a singular test: every `key` of `expected` (its rows where `expected_where`) appears exactly once in `actual`, and no other key does. Returns the keys whose counts differ. -#}
{% macro keys_appear_once(key, expected, actual, expected_where='1 = 1') %}

with

expected_counts as (

    select
        {{ key }},
        count(*) as expected_rows
    from {{ expected }}
    where {{ expected_where }}
    group by {{ key }}

),

actual_counts as (

    select
        {{ key }},
        count(*) as actual_rows
    from {{ actual }}
    group by {{ key }}

),

final as (

    select
        coalesce(expected_counts.{{ key }}, actual_counts.{{ key }}) as {{ key }},
        coalesce(expected_counts.expected_rows, 0) as expected_rows,
        coalesce(actual_counts.actual_rows, 0) as actual_rows
    from expected_counts
    full outer join actual_counts
        on expected_counts.{{ key }} = actual_counts.{{ key }}
    where
        expected_counts.{{ key }} is null
        or actual_counts.{{ key }} is null
        or actual_counts.actual_rows != 1

)

select * from final

{% endmacro %}
