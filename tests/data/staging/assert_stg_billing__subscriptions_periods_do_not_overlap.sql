-- The base-plan items of an account never overlap, nor do the items of one add-on plan of an
-- account (an overlap would double count MRR); a base plan and its add-ons may run side by
-- side. Open-ended periods (ended_at null) run to infinity.
with

subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_validated') }}

),

plans as (

    select
        plan_id,
        is_add_on
    from {{ ref('int_plans_validated') }}

),

items as (

    -- The line an item belongs to: the account's base plan, or one add-on plan.
    select
        subscriptions.subscription_id,
        subscriptions.account_id,
        subscriptions.started_at,
        subscriptions.ended_at,
        case
            when plans.is_add_on then {{ dbt.concat(["'add_on:'", 'subscriptions.plan_id']) }}
            else 'base'
        end as item_line
    from subscriptions
    inner join plans
        on subscriptions.plan_id = plans.plan_id

),

overlapping_periods as (

    select
        earlier.account_id,
        earlier.item_line,
        earlier.subscription_id,
        earlier.started_at,
        earlier.ended_at,
        later.subscription_id as overlapping_subscription_id,
        later.started_at as overlapping_started_at,
        later.ended_at as overlapping_ended_at
    from items as earlier
    inner join items as later
        on
            earlier.account_id = later.account_id
            and earlier.item_line = later.item_line
            and earlier.subscription_id < later.subscription_id
            and (later.ended_at is null or earlier.started_at < later.ended_at)
            and (earlier.ended_at is null or earlier.ended_at > later.started_at)

)

select * from overlapping_periods
