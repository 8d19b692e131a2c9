with

contacts as (

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
    from {{ ref('stg_crm__contacts') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        contacts.contact_id,
        contacts.account_id,
        contacts.full_name,
        contacts.email,
        contacts.job_title,
        contacts.is_champion,
        contacts.is_executive_sponsor,
        contacts.is_email_valid,
        contacts.created_at,
        contacts.left_company_at
    from contacts
    where {{ final_rejection_reason('crm_contacts', 'contacts') }} is null

)

select * from final
