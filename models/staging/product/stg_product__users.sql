with

base_users as (

    select
        user_id,
        account_id,
        email,
        user_role,
        is_email_valid,
        created_at,
        deactivated_at,
        rejection_reason
    from {{ ref('base_product__users') }}

),

final as (

    select
        user_id,
        account_id,
        email,
        user_role,
        is_email_valid,
        created_at,
        deactivated_at
    from base_users
    where rejection_reason is null

)

select * from final
