{#-
    Rank of an event delivery among all deliveries of the same event_id: 1 for the first
    received copy (ties broken on every column, so the order is total and deterministic).
    Used by stg_product__events (its duplicate_rank over every delivery) and by the incremental
    int_events_validated (over the deliveries of the event ids it loads only), so both rank a
    delivery the same way.
-#}
{% macro event_delivery_rank() -%}
    row_number() over (
        partition by event_id
        order by
            received_at nulls last,
            occurred_at nulls last,
            account_id nulls last,
            user_id nulls last,
            event_name nulls last,
            feature nulls last,
            duration_seconds nulls last
    )
{%- endmacro %}
