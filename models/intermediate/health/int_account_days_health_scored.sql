{%- set weights = var('health_weights') %}
{%- set measures = var('health_measures') %}

with

measures as (

    select
        account_id,
        health_date,
        {%- for component in measures %}
            {%- for measure in measures[component] %}
                {{ measure }},
            {%- endfor %}
        {%- endfor %}
        account_day_id
    from {{ ref('int_account_days_health_measures') }}

),

measure_scores as (

    select
        account_day_id,
        account_id,
        health_date,
        {%- for component in measures %}
            {%- for measure, bounds in measures[component].items() %}
                {{ health_measure_score(measure, bounds[0], bounds[1]) }}
                    as {{ measure }}_score,
            {%- endfor %}
        {%- endfor %}
        1 as is_scored
    from measures

),

component_scores as (

    select
        account_day_id,
        account_id,
        health_date,
        {%- for component in measures %}
            (
                {%- for measure in measures[component] %}
                    coalesce({{ measure }}_score, 0)
                    {%- if not loop.last %} + {% endif %}
                {%- endfor %}
            ) / nullif(
                {%- for measure in measures[component] %}
                    case when {{ measure }}_score is null then 0 else 1 end
                    {%- if not loop.last %} + {% endif %}
                {%- endfor %},
                0
            ) as {{ component }}_score,
        {%- endfor %}
        (
            {%- for component in measures %}
                {%- for measure in measures[component] %}
                    case when {{ measure }}_score is null then 0 else 1 end
                    {%- if not loop.last %} + {% endif %}
                {%- endfor %}
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
        ) as measures_available
    from measure_scores

),

weighted as (

    select
        *,
        {%- for component in measures %}
            case
                when {{ component }}_score is not null then {{ weights[component] }}
            end as {{ component }}_raw_weight,
        {%- endfor %}
        (
            {%- for component in measures %}
                case when {{ component }}_score is not null then {{ weights[component] }} else 0 end
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
        ) as available_weight
    from component_scores

),

contributions as (

    select
        *,
        {%- for component in measures %}
            {{ component }}_raw_weight / nullif(available_weight, 0) as {{ component }}_weight,
            {{ component }}_score * {{ component }}_raw_weight / nullif(available_weight, 0)
                as {{ component }}_contribution{% if not loop.last %},{% endif %}
        {%- endfor %}
    from weighted

),

scored as (

    select
        *,
        cast(
            (
                {%- for component in measures %}
                    coalesce({{ component }}_contribution, 0)
                    {%- if not loop.last %} + {% endif %}
                {%- endfor %}
            ) as decimal(5, 2)
        ) as health_score
    from contributions
    where available_weight > 0

),

with_change as (

    select
        scored.*,
        thirty_days_earlier.health_score as health_score_30d_ago
    from scored
    left join scored as thirty_days_earlier
        on
            scored.account_id = thirty_days_earlier.account_id
            and thirty_days_earlier.health_date
            = {{ dbt.dateadd('day', -30, 'scored.health_date') }}

),

final as (

    select
        account_day_id,
        account_id,
        {%- for component in measures %}
            cast({{ component }}_score as decimal(5, 2)) as {{ component }}_score,
            cast({{ component }}_weight as decimal(7, 6)) as {{ component }}_weight,
            cast({{ component }}_contribution as decimal(5, 2)) as {{ component }}_contribution,
        {%- endfor %}
        cast(measures_available as {{ dbt.type_int() }}) as measures_available,
        health_score,
        {{ health_tier('health_score') }} as health_tier,
        {{ health_colour(health_tier('health_score')) }} as health_colour,
        health_score_30d_ago,
        cast(health_score - health_score_30d_ago as decimal(6, 2)) as health_score_change_30d,
        health_date
    from with_change

)

select * from final
