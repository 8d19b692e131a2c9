with

source as (

    select
        milestone_id,
        account_id,
        milestone_type,
        milestone_name,
        planned_date,
        completed_at
    from {{ checked_source(source('crm', 'crm_milestones')) }}

),

renamed as (

    select
        {{ clean_string('milestone_id') }} as milestone_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_enum('milestone_type') }} as milestone_type,
        {{ clean_enum('milestone_name') }} as milestone_name,
        cast(planned_date as date) as planned_date,
        cast(completed_at as {{ dbt.type_timestamp() }}) as completed_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by milestone_id
            order by planned_date nulls last, milestone_name nulls last, completed_at nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when milestone_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
            when completed_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when milestone_type is null or milestone_name is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
