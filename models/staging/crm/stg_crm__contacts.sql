with

source as (

    select * from {{ checked_source(source('crm', 'crm_contacts')) }}

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
        cast({{ utc_instant('created_at') }} as {{ dbt.type_timestamp() }}) as created_at,
        cast({{ utc_instant('left_company_at') }} as {{ dbt.type_timestamp() }}) as left_company_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'contact_id',
            order_by=['created_at', 'account_id', 'full_name']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('contact_id', account_column='account_id') }}
        end as rejection_reason
    from ranked

)

select * from final
