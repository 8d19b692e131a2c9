with

activities as (

    select
        activity_id,
        account_id,
        contact_id,
        activity_type,
        activity_owner,
        occurred_at,
        rejection_reason
    from {{ ref('stg_crm__activities') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        activities.activity_id,
        activities.account_id,
        activities.contact_id,
        activities.activity_type,
        activities.activity_owner,
        activities.occurred_at
    from activities
    where {{ final_rejection_reason('crm_activities', 'activities') }} is null

)

select * from final
