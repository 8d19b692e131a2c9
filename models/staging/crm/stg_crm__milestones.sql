with

source as (

    select * from {{ checked_source(source('crm', 'crm_milestones')) }}

),

renamed as (

    select
        {{ clean_string('milestone_id') }} as milestone_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_enum('milestone_type') }} as milestone_type,
        {{ clean_enum('milestone_name') }} as milestone_name,
        cast(planned_date as date) as planned_date,
        cast({{ utc_instant('completed_at') }} as {{ dbt.type_timestamp() }}) as completed_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'milestone_id',
            order_by=['planned_date', 'milestone_name', 'completed_at']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('milestone_id', account_column='account_id') }}
            when completed_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when milestone_type is null or milestone_name is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
