{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='event_id',
        on_schema_change='fail',
    )
}}

{#- Incremental batch: every event_id with a delivery received since the newest received_at already
    loaded minus var('event_lookback_days') (1900-01-01 on an empty table). All deliveries of those
    ids are ranked here, never the whole history. -#}

{%- if is_incremental() %}
    {%- set newest_loaded_at -%}
        (
            select
                coalesce(
                    max(loaded.received_at),
                    cast('1900-01-01' as {{ dbt.type_timestamp() }})
                )
            from {{ this }} as loaded
        )
    {%- endset %}
    {%- set received_cutoff = dbt.dateadd('day', -var('event_lookback_days'), newest_loaded_at) %}
{%- endif %}

with

deliveries as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        occurred_at,
        received_at,
        delivery_rejection_reason
    from {{ ref('stg_product__events') }}
    {% if is_incremental() %}
        where event_id in (
            select recent.event_id
            from {{ ref('stg_product__events') }} as recent
            where recent.received_at >= {{ received_cutoff }}
        )
    {% endif %}

),

{{ relational_lookups(['product_events']) -}}

ranked as (

    select
        *,
        {{ event_delivery_rank() }} as duplicate_rank
    from deliveries

),

first_deliveries as (

    select events.*
    from ranked as events
    where
        events.duplicate_rank = 1
        and {{ final_rejection_reason(
            'product_events', 'events', own_reason='events.delivery_rejection_reason'
        ) }} is null

),

final as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        cast(occurred_at as date) as occurred_date,
        occurred_at,
        received_at
    from first_deliveries

)

select * from final
