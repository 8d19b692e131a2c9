{#-
    Rank of an event delivery among all deliveries of the same event_id: 1 for the first
    received copy (ties broken on every column, so the order is total and deterministic).
    Used by stg_product__events (its duplicate_rank over every delivery) and by the incremental
    int_events_validated (over the deliveries of the event ids it loads only), so both rank a
    delivery the same way.
-#}
{% macro event_delivery_rank() -%}
    {{ duplicate_rank('event_id', order_by=[
        'received_at',
        'occurred_at',
        'account_id',
        'user_id',
        'event_name',
        'feature',
        'duration_seconds',
    ]) }}
{%- endmacro %}
