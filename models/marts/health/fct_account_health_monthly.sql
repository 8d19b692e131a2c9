{%- set components = var('health_weights').keys() | list %}

with

snapshots as (

    select
        account_month_id,
        account_id,
        {%- for component in components %}
            {{ component }}_score,
        {%- endfor %}
        health_score,
        health_tier,
        health_colour,
        previous_health_score,
        previous_health_tier,
        health_score_change_mom,
        consecutive_declines,
        is_churned_within_horizon,
        month_start_date,
        health_date
    from {{ ref('int_account_months_health_snapshotted') }}

),

final as (

    select * from snapshots

)

select * from final
