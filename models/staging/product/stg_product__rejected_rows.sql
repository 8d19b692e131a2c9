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

base_events as (

    select
        event_id,
        account_id,
        rejection_reason
    from {{ ref('base_product__events') }}
    where rejection_reason is not null

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
