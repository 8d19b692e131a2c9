with

base_milestones as (

    select
        milestone_id,
        account_id,
        milestone_type,
        milestone_name,
        planned_date,
        completed_at,
        rejection_reason
    from {{ ref('base_crm__milestones') }}

),

final as (

    select
        milestone_id,
        account_id,
        milestone_type,
        milestone_name,
        planned_date,
        completed_at
    from base_milestones
    where rejection_reason is null

)

select * from final
