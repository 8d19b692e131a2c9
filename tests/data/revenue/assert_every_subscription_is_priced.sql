-- Pricing drops no subscription: every staged subscription row has exactly one priced row
-- (an inner join to a missing plan would lose it silently). Fails with the rows that do not.
with

staged as (

    select subscription_id
    from {{ ref('int_subscriptions_validated') }}

),

priced as (

    select
        subscription_id,
        count(*) as priced_rows
    from {{ ref('int_subscriptions_priced') }}
    group by subscription_id

)

select
    staged.subscription_id,
    coalesce(priced.priced_rows, 0) as priced_rows
from staged
left join priced
    on staged.subscription_id = priced.subscription_id
where coalesce(priced.priced_rows, 0) != 1
