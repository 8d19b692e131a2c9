with

accounts as (

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
    from {{ ref('stg_crm__accounts') }}

),

final as (

    select
        accounts.account_id,
        accounts.parent_account_id,
        accounts.account_name,
        accounts.industry,
        accounts.segment,
        accounts.region,
        accounts.csm_owner,
        accounts.created_at
    from accounts
    where {{ final_rejection_reason('crm_accounts', 'accounts') }} is null

)

select * from final
