with

nps_responses as (

    select
        response_id,
        account_id,
        contact_id,
        nps_score,
        submitted_at,
        rejection_reason
    from {{ ref('stg_crm__nps_responses') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        nps_responses.response_id,
        nps_responses.account_id,
        nps_responses.contact_id,
        nps_responses.nps_score,
        nps_responses.submitted_at
    from nps_responses
    where {{ final_rejection_reason('crm_nps_responses', 'nps_responses') }} is null

)

select * from final
