with

source as (

    select * from {{ checked_source(source('product', 'product_events')) }}

),

renamed as (

    select
        {{ clean_string('event_id') }} as event_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('user_id') }} as user_id,
        {{ clean_enum('event_name') }} as event_name,
        {{ clean_enum('feature') }} as feature,
        cast(duration_seconds as {{ dbt.type_int() }}) as duration_seconds,
        cast({{ utc_instant('occurred_at') }} as {{ dbt.type_timestamp() }}) as occurred_at,
        cast({{ utc_instant('received_at') }} as {{ dbt.type_timestamp() }}) as received_at
    from source

),

ranked as (

    select
        *,
        {{ event_delivery_rank() }} as duplicate_rank
    from renamed

),

-- The verdict of each delivery on its own does not read the window, so a reader that selects
-- neither duplicate_rank nor rejection_reason never sorts the history.
judged as (

    select
        *,
        case
            {{ key_rejection_rules('event_id', account_column='account_id', rank_column=none) }}
            when occurred_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when
                event_name is null
                or occurred_at is null
                or received_at is null
                or duration_seconds < 0
                then 'invalid_value'
        end as delivery_rejection_reason
    from ranked

),

final as (

    select
        *,
        case
            when event_id is not null and duplicate_rank > 1 then 'duplicate_primary_key'
            else delivery_rejection_reason
        end as rejection_reason
    from judged

)

select * from final
