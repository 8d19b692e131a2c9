{#- A subscription row is live at an instant when it started before it and had not ended by it. -#}
{% macro is_live_at(instant, relation=none) -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    (
        {{ prefix }}started_at < {{ instant }}
        and ({{ prefix }}ended_at is null or {{ prefix }}ended_at >= {{ instant }})
    )
{%- endmacro %}
