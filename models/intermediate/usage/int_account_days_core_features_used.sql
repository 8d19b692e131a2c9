{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key=['account_id', 'activity_date'],
        on_schema_change='fail',
    )
}}

{#- Incremental like int_account_days_usage: the unique key is the account-day, so every core
    feature of a touched day is rewritten. -#}

with

events as (

    select
        account_id,
        feature,
        occurred_date,
        received_at
    from {{ ref('int_events_validated') }}
    where is_core_feature

),

batch as (

    select * from events
    where
        feature is not null
        and {{ usage_batch_filter(ref('int_events_validated')) }}

),

final as (

    select
        {{ compound_id(['account_id', 'occurred_date', 'feature']) }} as account_day_feature_id,
        account_id,
        feature,
        occurred_date as activity_date,
        cast(count(*) as {{ dbt.type_bigint() }}) as event_count,
        max(received_at) as last_received_at
    from batch
    group by
        account_id,
        feature,
        occurred_date

)

select * from final
