with

source as (

    select * from {{ checked_source(source('crm', 'crm_activities')) }}

),

renamed as (

    select
        {{ clean_string('activity_id') }} as activity_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('contact_id') }} as contact_id,
        {{ clean_enum('activity_type') }} as activity_type,
        {{ clean_string('owner') }} as activity_owner,
        cast({{ utc_instant('occurred_at') }} as {{ dbt.type_timestamp() }}) as occurred_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'activity_id',
            order_by=['occurred_at', 'activity_type', 'contact_id']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('activity_id', account_column='account_id') }}
            when occurred_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when activity_type is null or occurred_at is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
