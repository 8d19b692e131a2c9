with

source as (

    select * from {{ checked_source(source('crm', 'crm_accounts')) }}

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
        cast({{ utc_instant('created_at') }} as {{ dbt.type_timestamp() }}) as created_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'account_id',
            order_by=['created_at', 'account_name']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('account_id') }}
        end as rejection_reason
    from ranked

)

select * from final
