-- NRR of fct_retention_monthly (all segments), recomputed a second way from the revenue spine
-- and the fx rates directly, without the movements: the accounts paying at the end of the
-- previous month (monthly) or 12 months earlier (t12m), their plan-currency MRR now valued at
-- the rates of then, over their USD MRR then. Fails with every month where the two differ.
with

spine as (

    select
        account_id,
        month_start_date,
        currency,
        mrr,
        mrr_usd
    from {{ ref('int_account_months_revenue') }}

),

retention as (

    select
        month_start_date,
        nrr_monthly,
        nrr_t12m
    from {{ ref('fct_retention_monthly') }}
    where segment = 'all'

),

lags as (

    select 1 as months_back
    union all
    select 12 as months_back

),

paired as (

    select
        this_month.month_start_date,
        lags.months_back,
        earlier.mrr_usd as earlier_mrr_usd,
        coalesce(this_month.mrr * earlier_rates.rate_to_usd, 0) as current_mrr_at_earlier_rates
    from spine as this_month
    cross join lags
    inner join spine as earlier
        on
            this_month.account_id = earlier.account_id
            and earlier.month_start_date
            = {{ dbt.dateadd('month', '-lags.months_back', 'this_month.month_start_date') }}
    {{ left_join_usd_rate('this_month.currency', 'earlier.month_start_date', 'earlier_rates') }}
    where earlier.mrr_usd > 0

),

recomputed as (

    select
        month_start_date,
        sum(case when months_back = 1 then current_mrr_at_earlier_rates end)
        / sum(case when months_back = 1 then earlier_mrr_usd end) as nrr_monthly,
        sum(case when months_back = 12 then current_mrr_at_earlier_rates end)
        / sum(case when months_back = 12 then earlier_mrr_usd end) as nrr_t12m
    from paired
    group by month_start_date

)

select
    retention.month_start_date,
    retention.nrr_monthly,
    recomputed.nrr_monthly as nrr_monthly_from_spine,
    retention.nrr_t12m,
    recomputed.nrr_t12m as nrr_t12m_from_spine
from retention
full outer join recomputed
    on retention.month_start_date = recomputed.month_start_date
where
    (retention.nrr_monthly is null) != (recomputed.nrr_monthly is null)
    or abs(retention.nrr_monthly - recomputed.nrr_monthly) > 0.0001
    or (retention.nrr_t12m is null) != (recomputed.nrr_t12m is null)
    or abs(retention.nrr_t12m - recomputed.nrr_t12m) > 0.0001
