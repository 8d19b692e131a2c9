{#-
    The verdict of each delivery on its own. Duplicates (the same event_id delivered again) are
    ranked by the consumers with the macro event_delivery_rank(): the incremental
    stg_product__events ranks only the deliveries of the event ids it is loading, so a daily
    run never sorts the whole history; stg_product__rejected_rows ranks all of them.
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
    from {{ checked_source(source('product', 'product_events')) }}

),

-- Orphan detection: the one lookup allowed in staging, against the raw CRM accounts (distinct
-- ids, so the left join below never multiplies rows; a hash join, cheap on 10^8 events).
crm_accounts as (

    select distinct trim(account_id) as account_id
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

final as (

    select
        renamed.event_id,
        renamed.account_id,
        renamed.user_id,
        renamed.event_name,
        renamed.feature,
        renamed.duration_seconds,
        renamed.occurred_at,
        renamed.received_at,
        case
            when renamed.event_id is null then 'missing_primary_key'
            when renamed.account_id is null then 'missing_account_id'
            when crm_accounts.account_id is null then 'unknown_account_id'
            when renamed.occurred_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when
                renamed.event_name is null
                or renamed.occurred_at is null
                or renamed.received_at is null
                or renamed.duration_seconds < 0
                then 'invalid_value'
        end as rejection_reason
    from renamed
    left join crm_accounts
        on renamed.account_id = crm_accounts.account_id

)

select * from final
