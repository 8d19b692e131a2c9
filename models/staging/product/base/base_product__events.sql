{#-
    Duplicate ranks are computed over the full raw history (never only the new rows), so the
    copy of an event that is kept is the same in a full refresh and in an incremental run of
    stg_product__events: the first received.
-#}

with

source as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        occurred_at,
        received_at,
        duration_seconds
    from {{ source('product', 'product_events') }}

),

-- Orphan detection: the one semi-join allowed in staging, against the raw CRM accounts.
crm_accounts as (

    select trim(account_id) as account_id
    from {{ source('crm', 'crm_accounts') }}
    where account_id is not null

),

renamed as (

    select
        {{ clean_string('event_id') }} as event_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('user_id') }} as user_id,
        {{ clean_enum('event_name') }} as event_name,
        {{ clean_enum('feature') }} as feature,
        cast(duration_seconds as {{ dbt.type_int() }}) as duration_seconds,
        cast(occurred_at as {{ dbt.type_timestamp() }}) as occurred_at,
        cast(received_at as {{ dbt.type_timestamp() }}) as received_at
    from source

),

ranked as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        occurred_at,
        received_at,
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
        ) as duplicate_rank
    from renamed

),

final as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        feature,
        duration_seconds,
        occurred_at,
        received_at,
        duplicate_rank,
        case
            when event_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
            when account_id not in (select crm_accounts.account_id from crm_accounts)
                then 'unknown_account_id'
            when occurred_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when
                event_name is null
                or occurred_at is null
                or received_at is null
                or duration_seconds < 0
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
