{#- Import of the priced subscriptions known at the build (started by the end of the as-of date): the given columns. -#}
{% macro known_subscriptions(columns) -%}
    select
        {{ columns | join(',\n        ') }}
    from {{ ref('int_subscriptions_priced') }}
    where started_at < {{ as_of_period_end() }}
{%- endmacro %}
