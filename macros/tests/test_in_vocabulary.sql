{#-
    Every non-null value of the column is a term of the vocabulary domain (a usable row of the
    reference vocabularies, as its standard term where it has one, else as written), or one of
    `extra_values` (e.g. the revenue marts' 'unknown' and 'all'). Fails with one row per value
    outside it and its row count. The vocabulary counterpart of accepted_values.
-#}
{% test in_vocabulary(model, column_name, domain, extra_values=[]) %}

with

terms as (

    select coalesce(standard_value, vocabulary_value) as term
    from {{ ref('int_vocabularies_validated') }}
    where vocabulary_domain = '{{ domain }}'

),

checked as (

    select
        {{ column_name }} as value_field,
        count(*) as n_records
    from {{ model }}
    where {{ column_name }} is not null
    group by {{ column_name }}

)

select *
from checked
where
    value_field not in (select terms.term from terms)
    {%- for value in extra_values %}
    and value_field != '{{ value }}'
    {%- endfor %}

{% endtest %}
