with

source as (

    select
        account_id,
        account_name,
        industry,
        segment,
        region,
        csm_owner,
        parent_account_id,
        created_at
    from {{ checked_source(source('crm', 'crm_accounts')) }}

),

renamed as (

    select
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('parent_account_id') }} as parent_account_id,
        {{ clean_string('account_name') }} as account_name,
        {{ clean_enum('industry') }} as industry,
        {{ clean_enum('segment') }} as segment,
        {{ clean_enum('region') }} as region,
        {{ clean_string('csm_owner') }} as csm_owner,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by account_id
            order by created_at nulls last, account_name nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when account_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
        end as rejection_reason
    from ranked

)

select * from final
