with

source as (

    select
        activity_id,
        account_id,
        contact_id,
        activity_type,
        occurred_at,
        owner
    from {{ checked_source(source('crm', 'crm_activities')) }}

),

renamed as (

    select
        {{ clean_string('activity_id') }} as activity_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('contact_id') }} as contact_id,
        {{ clean_enum('activity_type') }} as activity_type,
        {{ clean_string('owner') }} as activity_owner,
        cast(occurred_at as {{ dbt.type_timestamp() }}) as occurred_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by activity_id
            order by occurred_at nulls last, activity_type nulls last, contact_id nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when activity_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
            when occurred_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when activity_type is null or occurred_at is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
