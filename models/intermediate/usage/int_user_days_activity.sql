{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'activity_date'],
        on_schema_change='fail',
    )
}}

{#-
    One row per user per day with any event: the input for distinct active users over trailing
    windows (a count of distinct users cannot be summed from daily counts). Incremental like
    int_account_days_usage: whole account-days touched by recently received events are
    re-aggregated (unique key account_id, activity_date, so every user of the day is rewritten).
-#}

with

events as (

    select
        account_id,
        user_id,
        occurred_date,
        received_at
    from {{ ref('int_events_validated') }}

),

batch as (

    select * from events
    where
        user_id is not null
        and {{ usage_batch_filter(ref('int_events_validated')) }}

),

final as (

    select
        {{ dbt.concat(['account_id', "'-'", 'user_id', "'-'",
            dbt.cast('occurred_date', dbt.type_string())]) }} as user_day_id,
        account_id,
        user_id,
        occurred_date as activity_date,
        cast(count(*) as {{ dbt.type_bigint() }}) as event_count,
        max(received_at) as last_received_at
    from batch
    group by
        account_id,
        user_id,
        occurred_date

)

select * from final
