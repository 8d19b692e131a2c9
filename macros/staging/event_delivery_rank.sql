{#-
    Rank of an event delivery among all deliveries of the same event_id: 1 for the first
    received copy (ties broken on every column, so the order is total and deterministic).
    Shared by stg_product__events (which keeps rank 1) and stg_product__rejected_rows (which
    reports rank > 1 as duplicate_primary_key), so both classify a delivery the same way.
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
