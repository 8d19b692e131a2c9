{#-
    Score of one health measure, 0-100: linear from `zero_at` (0) to `full_at` (100), clamped;
    when zero_at > full_at, less is better. Null stays null (the measure is left out).
-#}
{% macro health_measure_score(column, zero_at, full_at) -%}
    case
        when {{ column }} is null then null
        when ({{ column }} - ({{ zero_at }})) * 1.0 / (({{ full_at }}) - ({{ zero_at }})) <= 0
            then 0
        when ({{ column }} - ({{ zero_at }})) * 1.0 / (({{ full_at }}) - ({{ zero_at }})) >= 1
            then 100
        else 100.0 * ({{ column }} - ({{ zero_at }})) / (({{ full_at }}) - ({{ zero_at }}))
    end
{%- endmacro %}

{#- Health tier of a score (SPEC section 4), lower bounds inclusive, from var('health_tier_bounds'). -#}
{% macro health_tier(score) -%}
    {%- set bounds = var('health_tier_bounds') -%}
    case
        when {{ score }} is null then null
        when {{ score }} >= {{ bounds['excellent'] }} then 'excellent'
        when {{ score }} >= {{ bounds['good'] }} then 'good'
        when {{ score }} >= {{ bounds['at_risk'] }} then 'at_risk'
        else 'critical'
    end
{%- endmacro %}

{#- Colour of a health tier: excellent green, good yellow, at_risk orange, critical red. -#}
{% macro health_colour(tier) -%}
    case {{ tier }}
        when 'excellent' then 'green'
        when 'good' then 'yellow'
        when 'at_risk' then 'orange'
        when 'critical' then 'red'
    end
{%- endmacro %}
