{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'activity_date'],
        on_schema_change='fail',
    )
}}

{#- Incremental like int_account_days_usage: the unique key is the account-day, so every user of a
    touched day is rewritten. -#}

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
        {{ compound_id(['account_id', 'user_id', 'occurred_date']) }} as user_day_id,
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
