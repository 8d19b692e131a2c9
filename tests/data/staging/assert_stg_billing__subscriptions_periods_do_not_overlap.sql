-- The periods of an account's subscription history never overlap (an overlap would double
-- count MRR). Open-ended periods (ended_at null) run to infinity.
with

subscriptions as (

    select
        subscription_id,
        account_id,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_validated') }}

),

overlapping_periods as (

    select
        earlier.account_id,
        earlier.subscription_id,
        earlier.started_at,
        earlier.ended_at,
        later.subscription_id as overlapping_subscription_id,
        later.started_at as overlapping_started_at,
        later.ended_at as overlapping_ended_at
    from subscriptions as earlier
    inner join subscriptions as later
        on
            earlier.account_id = later.account_id
            and earlier.subscription_id < later.subscription_id
            and (later.ended_at is null or earlier.started_at < later.ended_at)
            and (earlier.ended_at is null or earlier.ended_at > later.started_at)

)

select * from overlapping_periods
