with

base_activities as (

    select
        activity_id,
        account_id,
        contact_id,
        activity_type,
        activity_owner,
        occurred_at,
        rejection_reason
    from {{ ref('base_crm__activities') }}

),

final as (

    select
        activity_id,
        account_id,
        contact_id,
        activity_type,
        activity_owner,
        occurred_at
    from base_activities
    where rejection_reason is null

)

select * from final
