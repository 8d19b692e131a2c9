with

milestones as (

    select
        milestone_id,
        account_id,
        milestone_type,
        milestone_name,
        planned_date,
        completed_at,
        rejection_reason
    from {{ ref('stg_crm__milestones') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        milestones.milestone_id,
        milestones.account_id,
        milestones.milestone_type,
        milestones.milestone_name,
        milestones.planned_date,
        milestones.completed_at
    from milestones
    where {{ final_rejection_reason('crm_milestones', 'milestones') }} is null

)

select * from final
