with

users as (

    select
        user_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_product__users') }}

),

events as (

    select
        event_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_product__events') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

judged as (

    select
        cast('product_users' as {{ dbt.type_string() }}) as source_table,
        cast(users.user_id as {{ dbt.type_string() }}) as record_id,
        cast(users.account_id as {{ dbt.type_string() }}) as account_id,
        users.duplicate_rank,
        {{ final_rejection_reason('product_users', 'users') }} as rejection_reason
    from users

    union all

    select
        cast('product_events' as {{ dbt.type_string() }}) as source_table,
        cast(events.event_id as {{ dbt.type_string() }}) as record_id,
        cast(events.account_id as {{ dbt.type_string() }}) as account_id,
        events.duplicate_rank,
        {{ final_rejection_reason('product_events', 'events') }} as rejection_reason
    from events

),

final as (

    select *
    from judged
    where rejection_reason is not null

)

select * from final
