with

base_subscriptions as (

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
    from {{ ref('base_billing__subscriptions') }}

),

final as (

    select
        subscription_id,
        account_id,
        plan_id,
        cancel_reason,
        quantity,
        discount_percent,
        started_at,
        ended_at
    from base_subscriptions
    where rejection_reason is null

)

select * from final
