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
    ids are ranked here, never the whole history. The event taxonomy is applied when an event is
    loaded: changing it needs `--full-refresh`. -#}

{%- do check_vocabulary_terms('product_events') %}

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

taxonomy as (

    select
        event_name,
        feature,
        event_role,
        is_core_feature
    from {{ ref('int_event_taxonomy_validated') }}

),

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
        first_deliveries.event_id,
        first_deliveries.account_id,
        first_deliveries.user_id,
        first_deliveries.event_name,
        coalesce(taxonomy.feature, first_deliveries.feature) as feature,
        taxonomy.event_role,
        first_deliveries.duration_seconds,
        coalesce(taxonomy.is_core_feature, false) as is_core_feature,
        cast(first_deliveries.occurred_at as date) as occurred_date,
        first_deliveries.occurred_at,
        first_deliveries.received_at
    from first_deliveries
    left join taxonomy
        on first_deliveries.event_name = taxonomy.event_name

)

select * from final
