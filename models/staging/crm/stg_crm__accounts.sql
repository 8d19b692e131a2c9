with

base_accounts as (

    select
        account_id,
        parent_account_id,
        account_name,
        industry,
        segment,
        region,
        csm_owner,
        created_at,
        rejection_reason
    from {{ ref('base_crm__accounts') }}

),

final as (

    select
        account_id,
        parent_account_id,
        account_name,
        industry,
        segment,
        region,
        csm_owner,
        created_at
    from base_accounts
    where rejection_reason is null

)

select * from final
