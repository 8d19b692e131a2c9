{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='event_id',
        on_schema_change='fail',
    )
}}

{#-
    One row per usable event: the first received delivery of each event_id, if that delivery is
    usable (no rejection_reason).

    Incremental run (delete+insert on event_id): the batch is every event_id with a delivery
    received since the newest received_at already loaded minus var('event_lookback_days') (late
    arrivals). All deliveries of those event ids, whenever received, are ranked, so the copy kept
    is the one a full refresh keeps even when an earlier copy arrives after a later one was
    loaded; dbt then deletes the event ids this query returns (batch events whose first delivery
    is usable) from the table and inserts the rows. A batch event whose first delivery is
    rejected is not deleted: row_count_reconciles fails (see the YAML). Only the batch's event
    ids are ranked: a daily run never sorts the whole history. An empty table has no newest
    received_at: the watermark then falls back to 1900-01-01.
-#}

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
        rejection_reason
    from {{ ref('base_product__events') }}
    {% if is_incremental() %}
        where event_id in (
            select recent.event_id
            from {{ ref('base_product__events') }} as recent
            where recent.received_at >= {{ received_cutoff }}
        )
    {% endif %}

),

ranked as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        occurred_at,
        received_at,
        rejection_reason,
        {{ event_delivery_rank() }} as delivery_rank
    from deliveries

),

first_deliveries as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        occurred_at,
        received_at
    from ranked
    where
        delivery_rank = 1
        and rejection_reason is null

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
