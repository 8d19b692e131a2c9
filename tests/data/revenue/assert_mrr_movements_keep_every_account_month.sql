-- fct_mrr_movements drops no account and no month: every account with a subscription started
-- by the as-of date (int_accounts_started) has exactly one row per month from the month of its
-- first start to the as-of month. Fails with each account whose rows are missing or extra.
with

first_starts as (

    select
        account_id,
        first_start_month
    from {{ ref('int_accounts_started') }}

),

movements as (

    select
        account_id,
        month_start_date
    from {{ ref('fct_mrr_movements') }}

),

expected as (

    select
        account_id,
        {{ dbt.datediff('first_start_month', as_of_month(), 'month') }}
        + 1 as expected_months
    from first_starts

),

actual as (

    select
        account_id,
        count(*) as actual_rows,
        count(distinct month_start_date) as actual_months
    from movements
    group by account_id

)

select
    coalesce(expected.account_id, actual.account_id) as account_id,
    expected.expected_months,
    actual.actual_rows,
    actual.actual_months
from expected
full outer join actual
    on expected.account_id = actual.account_id
where
    expected.account_id is null
    or actual.account_id is null
    or expected.expected_months != actual.actual_rows
    or expected.expected_months != actual.actual_months
