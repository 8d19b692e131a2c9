with

users as (

    select
        user_id,
        account_id,
        email,
        user_role,
        is_email_valid,
        created_at,
        deactivated_at,
        rejection_reason
    from {{ ref('stg_product__users') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        users.user_id,
        users.account_id,
        users.email,
        users.user_role,
        users.is_email_valid,
        users.created_at,
        users.deactivated_at
    from users
    where {{ final_rejection_reason('product_users', 'users') }} is null

)

select * from final
