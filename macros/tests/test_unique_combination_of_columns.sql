{#-
    Composite primary keys: fails with one row per combination of the columns that occurs
    more than once (a portable stand-in for dbt_utils.unique_combination_of_columns).
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

with

duplicates as (

    select
        {{ combination_of_columns | join(',\n        ') }},
        count(*) as row_count
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1

)

select * from duplicates

{% endtest %}
