{#- Per row of `rows`, an aggregate (min, max, count) of `events.event_at` over the same account's events meeting `condition`. -#}
{% macro account_events_aggregated(rows, row_key, events, event_at, aggregate, condition, alias) -%}
    select
        {{ rows }}.{{ row_key }},
        {{ aggregate }}({{ events }}.{{ event_at }}) as {{ alias }}
    from {{ rows }}
    inner join {{ events }}
        on
            {{ rows }}.account_id = {{ events }}.account_id
            and {{ condition }}
    group by {{ rows }}.{{ row_key }}
{%- endmacro %}
