{#-
    Rank of an event delivery among all deliveries of the same event_id, 1 for the copy that is
    kept. received_at is the events' change time: when every delivery carries the same payload
    (all other columns equal: a redelivery), the first received is kept, so the event keeps the
    time it first arrived; when the payloads differ (the source re-sent the event corrected),
    the latest received is kept. Ties are broken on every column, so the order is total and
    deterministic. Used by stg_product__events (its duplicate_rank over every delivery) and by
    the incremental int_events_validated (over the deliveries of the event ids it loads only),
    so both rank a delivery the same way. One window level: it can be selected directly.
-#}
{% macro event_delivery_rank() -%}
    {%- set payload = event_payload_columns() -%}
    case
        when {{ copies_differ('event_id', payload) }}
            then {{ duplicate_rank('event_id', order_by=['received_at desc'] + payload) }}
        else {{ duplicate_rank('event_id', order_by=['received_at'] + payload) }}
    end
{%- endmacro %}


{#- The payload of an event delivery: every staged column but event_id and received_at. -#}
{% macro event_payload_columns() %}
    {{- return([
        'occurred_at',
        'account_id',
        'user_id',
        'event_name',
        'feature',
        'duration_seconds',
    ]) -}}
{% endmacro %}
