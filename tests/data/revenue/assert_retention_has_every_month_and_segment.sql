-- fct_retention_monthly drops no month: for every month of the revenue spine there is an
-- `all` row and one row per segment present among that month's accounts, and the `all` row's
-- closing MRR equals the spine's total. Fails with each month that breaks this.
with

spine as (

    select
        account_id,
        month_start_date,
        mrr_usd
    from {{ ref('int_account_months_revenue') }}

),

accounts as (

    select
        account_id,
        segment
    from {{ ref('int_accounts_validated') }}

),

retention as (

    select
        month_start_date,
        segment,
        end_mrr_usd
    from {{ ref('fct_retention_monthly') }}

),

expected as (

    select
        spine.month_start_date,
        count(distinct coalesce(accounts.segment, 'unknown')) + 1 as expected_rows,
        sum(spine.mrr_usd) as spine_mrr_usd
    from spine
    left join accounts
        on spine.account_id = accounts.account_id
    group by spine.month_start_date

),

actual as (

    select
        month_start_date,
        count(*) as actual_rows,
        sum(case when segment = 'all' then end_mrr_usd end) as all_mrr_usd
    from retention
    group by month_start_date

)

select
    coalesce(expected.month_start_date, actual.month_start_date) as month_start_date,
    expected.expected_rows,
    actual.actual_rows,
    expected.spine_mrr_usd,
    actual.all_mrr_usd
from expected
full outer join actual
    on expected.month_start_date = actual.month_start_date
where
    expected.month_start_date is null
    or actual.month_start_date is null
    or expected.expected_rows != actual.actual_rows
    or expected.spine_mrr_usd != actual.all_mrr_usd
