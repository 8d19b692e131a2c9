with

source as (

    select
        contact_id,
        account_id,
        full_name,
        email,
        title,
        is_champion,
        is_executive_sponsor,
        created_at,
        left_company_at
    from {{ checked_source(source('crm', 'crm_contacts')) }}

),

renamed as (

    select
        {{ clean_string('contact_id') }} as contact_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('full_name') }} as full_name,
        {{ clean_email('email') }} as email,
        {{ clean_string('title') }} as job_title,
        cast(is_champion as {{ dbt.type_boolean() }}) as is_champion,
        cast(is_executive_sponsor as {{ dbt.type_boolean() }}) as is_executive_sponsor,
        {{ clean_string('email') }} is not null as has_email,
        {{ is_plausible_email('email') }} as is_email_valid,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(left_company_at as {{ dbt.type_timestamp() }}) as left_company_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by contact_id
            order by created_at nulls last, account_id nulls last, full_name nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when contact_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
        end as rejection_reason
    from ranked

)

select * from final
