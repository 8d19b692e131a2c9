-- Monthly NRR of fct_retention_monthly (all segments), recomputed a second way from the
-- revenue spine directly: MRR at the end of the month of the accounts that paid at the end of
-- the month before, over what they paid then. Fails with every month where the two differ.
with

spine as (

    select
        account_id,
        month_start_date,
        mrr_usd
    from {{ ref('int_account_months_revenue') }}

),

retention as (

    select
        month_start_date,
        nrr_monthly
    from {{ ref('fct_retention_monthly') }}
    where segment = 'all'

),

paired as (

    select
        this_month.month_start_date,
        previous_month.mrr_usd as previous_mrr_usd,
        this_month.mrr_usd as current_mrr_usd
    from spine as this_month
    inner join spine as previous_month
        on
            this_month.account_id = previous_month.account_id
            and previous_month.month_start_date
            = {{ dbt.dateadd('month', -1, 'this_month.month_start_date') }}
    where previous_month.mrr_usd > 0

),

recomputed as (

    select
        month_start_date,
        sum(current_mrr_usd) / sum(previous_mrr_usd) as nrr_from_spine
    from paired
    group by month_start_date

)

select
    retention.month_start_date,
    retention.nrr_monthly,
    recomputed.nrr_from_spine
from retention
full outer join recomputed
    on retention.month_start_date = recomputed.month_start_date
where
    (retention.nrr_monthly is null) != (recomputed.nrr_from_spine is null)
    or abs(retention.nrr_monthly - recomputed.nrr_from_spine) > 0.000001
