-- A redelivered event keeps its first received copy, in full refresh and incremental runs
-- alike: fails with every staged event that has an earlier-received raw delivery.
with

staged_events as (

    select
        event_id,
        received_at
    from {{ ref('int_events_validated') }}

),

deliveries as (

    select
        event_id,
        received_at
    from {{ ref('int_events_validated') }}
    where event_id is not null

),

earlier_deliveries as (

    select
        staged_events.event_id,
        staged_events.received_at as staged_received_at,
        min(deliveries.received_at) as first_received_at
    from staged_events
    inner join deliveries
        on staged_events.event_id = deliveries.event_id
    group by
        staged_events.event_id,
        staged_events.received_at
    having min(deliveries.received_at) < staged_events.received_at

)

select * from earlier_deliveries
