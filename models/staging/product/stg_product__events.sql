{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        unique_key='event_id',
        on_schema_change='fail',
    )
}}

{#-
    One row per usable event: the first received delivery of each event_id.

    Incremental run: the batch is every delivery received since the newest one already loaded,
    minus var('event_lookback_days') (late arrivals). Duplicates are ranked over all deliveries
    of the batch's event ids, whenever received, so the copy kept is the one a full refresh
    keeps; a first delivery already loaded (it was then received after the same cut-off) is
    skipped. Only the batch's event ids are ranked: a daily run never sorts the whole history.
-#}

{%- if is_incremental() %}
    {%- set received_cutoff = dbt.dateadd(
        'day',
        -var('event_lookback_days'),
        '(select max(loaded.received_at) from ' ~ this ~ ' as loaded)'
    ) %}
    {#- Only first deliveries received in the batch are new. -#}
    {%- set batch_filter = 'received_at >= ' ~ received_cutoff %}
{%- else %}
    {%- set batch_filter = 'true' %}
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
        and {{ batch_filter }}

),

new_events as (

    select
        first_deliveries.event_id,
        first_deliveries.account_id,
        first_deliveries.user_id,
        first_deliveries.event_name,
        first_deliveries.feature,
        first_deliveries.duration_seconds,
        first_deliveries.occurred_at,
        first_deliveries.received_at
    from first_deliveries
    {% if is_incremental() %}
        where
            first_deliveries.event_id not in (
                select already_loaded.event_id
                from {{ this }} as already_loaded
                where already_loaded.received_at >= {{ received_cutoff }}
            )
    {% endif %}

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
    from new_events

)

select * from final
