-- An event keeps its current delivery, in full refresh and incremental runs alike: the first
-- received when every delivery of the event_id carries the same payload (a redelivery), the
-- latest received when the payloads differ (a correction). Fails with every usable event that
-- kept another delivery.
with

deliveries as (

    select
        event_id,
        {{ event_payload_columns() | join(',\n        ') }},
        received_at
    from {{ ref('stg_product__events') }}
    where event_id is not null

),

usable_events as (

    select
        event_id,
        received_at
    from {{ ref('int_events_validated') }}

),

payload_counts as (

    select
        distinct_payloads.event_id,
        count(*) as payload_count
    from (
        select distinct
            event_id,
            {{ event_payload_columns() | join(',\n            ') }}
        from deliveries
    ) as distinct_payloads
    group by distinct_payloads.event_id

),

delivery_times as (

    select
        deliveries.event_id,
        min(deliveries.received_at) as first_received_at,
        max(deliveries.received_at) as last_received_at
    from deliveries
    group by deliveries.event_id

),

wrong_deliveries as (

    select
        usable_events.event_id,
        usable_events.received_at as kept_received_at,
        payload_counts.payload_count,
        case
            when payload_counts.payload_count > 1 then delivery_times.last_received_at
            else delivery_times.first_received_at
        end as expected_received_at
    from usable_events
    inner join payload_counts
        on usable_events.event_id = payload_counts.event_id
    inner join delivery_times
        on usable_events.event_id = delivery_times.event_id

)

select *
from wrong_deliveries
where kept_received_at != expected_received_at
