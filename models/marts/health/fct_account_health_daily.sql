{%- set components = var('health_weights').keys() | list %}

with

scored as (

    select
        account_day_id,
        account_id,
        {%- for component in components %}
            {{ component }}_score,
            {{ component }}_weight,
            {{ component }}_contribution,
        {%- endfor %}
        measures_available,
        health_score,
        health_tier,
        health_colour,
        health_score_30d_ago,
        health_score_change_30d,
        health_date
    from {{ ref('int_account_days_health_scored') }}

),

final as (

    select * from scored

)

select * from final
