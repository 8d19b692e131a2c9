{#- Every rejected raw row of the product system, one row each, with its reason. -#}

with

base_users as (

    select
        user_id,
        account_id,
        rejection_reason
    from {{ ref('base_product__users') }}
    where rejection_reason is not null

),

event_deliveries as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        occurred_at,
        received_at,
        rejection_reason
    from {{ ref('base_product__events') }}

),

ranked_events as (

    select
        event_id,
        account_id,
        rejection_reason,
        {{ event_delivery_rank() }} as delivery_rank
    from event_deliveries

),

base_events as (

    -- A later delivery of an event is a duplicate whatever else is wrong with it (the first
    -- delivery carries the verdict); a missing key is reported as such.
    select
        event_id,
        account_id,
        case
            when event_id is not null and delivery_rank > 1 then 'duplicate_primary_key'
            else rejection_reason
        end as rejection_reason
    from ranked_events
    where
        rejection_reason is not null
        or (event_id is not null and delivery_rank > 1)

),

unioned as (

    select
        cast('product_users' as {{ dbt.type_string() }}) as source_table,
        cast(user_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_users

    union all

    select
        cast('product_events' as {{ dbt.type_string() }}) as source_table,
        cast(event_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_events

),

final as (

    select
        source_table,
        record_id,
        account_id,
        rejection_reason
    from unioned

)

select * from final
