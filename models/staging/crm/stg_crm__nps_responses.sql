with

base_nps_responses as (

    select
        response_id,
        account_id,
        contact_id,
        nps_score,
        submitted_at,
        rejection_reason
    from {{ ref('base_crm__nps_responses') }}

),

final as (

    select
        response_id,
        account_id,
        contact_id,
        nps_score,
        submitted_at
    from base_nps_responses
    where rejection_reason is null

)

select * from final
