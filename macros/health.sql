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

{#- Window frame of a running total: every row of the partition up to the current one. -#}
{% macro running_total_window(partition_by, order_by) -%}
    partition by {{ partition_by }}
    order by {{ order_by }}
    rows between unbounded preceding and current row
{%- endmacro %}

{#- Window frame of a trailing sum over `days` rows (one row a day) ending at the current one. -#}
{% macro trailing_days_window(days, partition_by, order_by) -%}
    partition by {{ partition_by }}
    order by {{ order_by }}
    rows between {{ days - 1 }} preceding and current row
{%- endmacro %}

{#- Whether a date lies in the scored health history: the last var('health_history_days') days. -#}
{% macro in_health_history(date_column) -%}
    {{ date_column }} > {{ dbt.dateadd('day', -var('health_history_days'), as_of_date()) }}
{%- endmacro %}

{#-
    CTEs `account_calendars`, `clamped_deltas`, `day_deltas` and `running_counts`: the running
    sum over the account-day `calendar` CTE of the +1/-1 columns of `deltas_cte` (account_id,
    delta_date, one column per key of `counts`, summed as its value, an integer). A delta dated
    before the account's calendar counts on its first day.
-#}
{% macro running_counts_from_deltas(deltas_cte, counts) -%}
account_calendars as (

    select
        account_id,
        min(calendar_date) as first_calendar_date
    from calendar
    group by account_id

),

clamped_deltas as (

    -- A delta dated before the account's calendar counts on its first day.
    select
        {%- for delta in counts %}
            {{ deltas_cte }}.{{ delta }},
        {%- endfor %}
        {{ deltas_cte }}.account_id,
        case
            when {{ deltas_cte }}.delta_date < account_calendars.first_calendar_date
                then account_calendars.first_calendar_date
            else {{ deltas_cte }}.delta_date
        end as delta_date
    from {{ deltas_cte }}
    inner join account_calendars
        on {{ deltas_cte }}.account_id = account_calendars.account_id

),

day_deltas as (

    select
        account_id,
        {%- for delta in counts %}
            sum({{ delta }}) as {{ delta }},
        {%- endfor %}
        delta_date
    from clamped_deltas
    group by
        account_id,
        delta_date

),

running_counts as (

    select
        calendar.account_id,
        {%- for delta, count in counts.items() %}
            cast(sum(coalesce(day_deltas.{{ delta }}, 0)) over by_day as {{ dbt.type_int() }})
                as {{ count }},
        {%- endfor %}
        calendar.calendar_date
    from calendar
    left join day_deltas
        on {{ join_on_keys(
            'calendar', 'day_deltas', ['account_id', ['calendar_date', 'delta_date']]
        ) }}
    window by_day as (
        {{ running_total_window('calendar.account_id', 'calendar.calendar_date') }}
    )

)
{%- endmacro %}

{#- The score columns of int_account_days_health_scored: one `<component>_score` per key of var('health_weights'), then health_score; qualified with `relation` when given. -#}
{% macro health_score_columns(relation=none) -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    {%- for component in var('health_weights').keys() %}
        {{ prefix }}{{ component }}_score,
    {%- endfor %}
        {{ prefix }}health_score
{%- endmacro %}
