-- The retention components of every month and segment add up to the MRR of the month end,
-- and each matches the movements it is made of: end = start + new + reactivation + expansion
-- - contraction - churn + FX effect, with start = the previous month's end of the same
-- segment. Fails with every month and segment that does not (to the cent).
with

retention as (

    select
        segment,
        month_start_date,
        start_mrr_usd,
        new_mrr_usd,
        reactivation_mrr_usd,
        expansion_mrr_usd,
        contraction_mrr_usd,
        churned_mrr_usd,
        fx_effect_usd,
        end_mrr_usd,
        lag(end_mrr_usd) over (
            partition by segment order by month_start_date
        ) as previous_end_mrr_usd
    from {{ ref('fct_retention_monthly') }}

)

select *
from retention
where
    end_mrr_usd
    != start_mrr_usd + new_mrr_usd + reactivation_mrr_usd + expansion_mrr_usd
    - contraction_mrr_usd - churned_mrr_usd + fx_effect_usd
    or start_mrr_usd != coalesce(previous_end_mrr_usd, 0)
    or expansion_mrr_usd < 0
    or contraction_mrr_usd < 0
    or churned_mrr_usd < 0
