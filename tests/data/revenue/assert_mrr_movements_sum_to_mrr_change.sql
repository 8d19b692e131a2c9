-- Within every month, the movements sum exactly to the change in total USD MRR (closing total of
-- the month minus closing total of the month before). Fails with every month that does not.
with

movements as (

    select
        month_start_date,
        movement_amount_usd,
        closing_mrr_usd
    from {{ ref('fct_mrr_movements') }}

),

monthly as (

    select
        month_start_date,
        sum(movement_amount_usd) as movements_usd,
        sum(closing_mrr_usd) as closing_total_usd
    from movements
    group by month_start_date

),

compared as (

    select
        month_start_date,
        movements_usd,
        closing_total_usd,
        coalesce(
            lag(closing_total_usd) over (order by month_start_date), 0
        ) as previous_total_usd
    from monthly

)

select
    month_start_date,
    movements_usd,
    closing_total_usd,
    previous_total_usd
from compared
where movements_usd != closing_total_usd - previous_total_usd
