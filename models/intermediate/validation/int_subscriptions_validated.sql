with

subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        cancel_reason,
        quantity,
        discount_percent,
        started_at,
        ended_at,
        rejection_reason
    from {{ ref('stg_billing__subscriptions') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

billing_plans as (

    select plan_id
    from {{ ref('stg_billing__plans') }}
    where plan_id is not null

),

final as (

    select
        subscriptions.subscription_id,
        subscriptions.account_id,
        subscriptions.plan_id,
        subscriptions.cancel_reason,
        subscriptions.quantity,
        subscriptions.discount_percent,
        subscriptions.started_at,
        subscriptions.ended_at
    from subscriptions
    where {{ final_rejection_reason('billing_subscriptions', 'subscriptions') }} is null

)

select * from final
