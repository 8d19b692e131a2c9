{#-
    Incremental usage models re-aggregate whole account-days: every (account_id, occurred_date)
    with an event received since the newest received_at already aggregated in `this`, minus
    var('event_lookback_days') (the same look-back as int_events_validated). Returns a boolean
    SQL condition on the `events` CTE's account_id and occurred_date; outside an incremental
    run it is `1 = 1`.
-#}
{% macro usage_batch_filter(events_relation) -%}
    {%- if is_incremental() -%}
        exists (
            select 1
            from {{ events_relation }} as recent
            where
                recent.account_id = events.account_id
                and recent.occurred_date = events.occurred_date
                and recent.received_at >= {{ dbt.dateadd(
                    'day',
                    -var('event_lookback_days'),
                    "(select coalesce(max(loaded.last_received_at), cast('1900-01-01' as "
                    ~ dbt.type_timestamp() ~ ")) from " ~ this ~ " as loaded)"
                ) }}
        )
    {%- else -%}
        1 = 1
    {%- endif -%}
{%- endmacro %}
