with

source as (

    select * from {{ checked_source(source('product', 'product_users')) }}

),

renamed as (

    select
        {{ clean_string('user_id') }} as user_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_email('email') }} as email,
        {{ clean_enum('role') }} as user_role,
        {{ clean_string('email') }} is not null as has_email,
        {{ is_plausible_email('email') }} as is_email_valid,
        cast({{ utc_instant('created_at') }} as {{ dbt.type_timestamp() }}) as created_at,
        cast({{ utc_instant('deactivated_at') }} as {{ dbt.type_timestamp() }}) as deactivated_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'user_id',
            order_by=['created_at', 'account_id', 'email']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('user_id', account_column='account_id') }}
            when deactivated_at < created_at then 'invalid_period'
            when created_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
        end as rejection_reason
    from ranked

)

select * from final
