with

base_interventions as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        outcome,
        opened_at,
        first_action_at,
        closed_at,
        rejection_reason
    from {{ ref('base_crm__interventions') }}

),

final as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        outcome,
        opened_at,
        first_action_at,
        closed_at
    from base_interventions
    where rejection_reason is null

)

select * from final
