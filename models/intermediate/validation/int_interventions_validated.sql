with

interventions as (

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
    from {{ ref('stg_crm__interventions') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        interventions.intervention_id,
        interventions.account_id,
        interventions.trigger_reason,
        interventions.playbook,
        interventions.outcome,
        interventions.opened_at,
        interventions.first_action_at,
        interventions.closed_at
    from interventions
    where {{ final_rejection_reason('crm_interventions', 'interventions') }} is null

)

select * from final
