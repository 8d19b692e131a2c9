{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'activity_date'],
        on_schema_change='fail',
    )
}}

{#- Incremental: every account-day with an event received since the newest received_at already
    aggregated, minus var('event_lookback_days'), is re-aggregated whole (macro usage_batch_filter).
    Events count by their role in the event taxonomy (int_events_validated.event_role). -#}

with

events as (

    select
        account_id,
        user_id,
        event_role,
        feature,
        duration_seconds,
        occurred_date,
        received_at
    from {{ ref('int_events_validated') }}

),

batch as (

    select * from events
    where {{ usage_batch_filter(ref('int_events_validated')) }}

),

final as (

    select
        account_id,
        occurred_date as activity_date,
        cast(count(*) as {{ dbt.type_bigint() }}) as event_count,
        cast(count(distinct user_id) as {{ dbt.type_bigint() }}) as active_users,
        {{ count_where("event_role = 'session_start'") }} as sessions,
        cast(
            sum(
                case
                    when event_role = 'session_start' then coalesce(duration_seconds, 0)
                    else 0
                end
            ) as {{ dbt.type_bigint() }}
        ) as session_seconds,
        {{ count_where("event_role = 'feature_use'") }} as feature_events,
        cast(
            count(distinct case when event_role = 'feature_use' then feature end)
            as {{ dbt.type_bigint() }}
        ) as distinct_features,
        {{ count_where("event_role = 'workflow_started'") }} as workflow_starts,
        {{ count_where("event_role = 'workflow_completed'") }} as workflow_completions,
        {{ count_where("event_role = 'api_call'") }} as api_calls,
        {{ count_where("event_role in ('workflow_completed', 'value_moment')") }} as value_moments,
        max(received_at) as last_received_at
    from batch
    group by
        account_id,
        occurred_date

)

select * from final
