with

base_contacts as (

    select
        contact_id,
        account_id,
        full_name,
        email,
        job_title,
        is_champion,
        is_executive_sponsor,
        is_email_valid,
        created_at,
        left_company_at,
        rejection_reason
    from {{ ref('base_crm__contacts') }}

),

final as (

    select
        contact_id,
        account_id,
        full_name,
        email,
        job_title,
        is_champion,
        is_executive_sponsor,
        is_email_valid,
        created_at,
        left_company_at
    from base_contacts
    where rejection_reason is null

)

select * from final
