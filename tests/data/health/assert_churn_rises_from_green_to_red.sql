-- The health score ranks churn risk: over every observed month-end snapshot (the churn
-- horizon fully inside the data), the share of accounts that churned within the horizon rises
-- strictly from green to yellow to orange to red. Fails with every tier whose churn rate is
-- not above the tier before it, or that has no observed snapshot.
with

snapshots as (

    select
        health_colour,
        is_churned_within_horizon
    from {{ ref('fct_account_health_monthly') }}
    where is_churned_within_horizon is not null

),

colours as (

    select
        'green' as health_colour,
        1 as colour_order
    union all
    select
        'yellow' as health_colour,
        2 as colour_order
    union all
    select
        'orange' as health_colour,
        3 as colour_order
    union all
    select
        'red' as health_colour,
        4 as colour_order

),

rates as (

    select
        colours.health_colour,
        colours.colour_order,
        count(snapshots.health_colour) as snapshots,
        avg(case when snapshots.is_churned_within_horizon then 1.0 else 0.0 end) as churn_rate
    from colours
    left join snapshots
        on colours.health_colour = snapshots.health_colour
    group by
        colours.health_colour,
        colours.colour_order

),

compared as (

    select
        health_colour,
        colour_order,
        snapshots,
        churn_rate,
        lag(churn_rate) over (order by colour_order) as previous_churn_rate
    from rates

)

select
    health_colour,
    snapshots,
    churn_rate,
    previous_churn_rate
from compared
where
    snapshots = 0
    or churn_rate <= previous_churn_rate
