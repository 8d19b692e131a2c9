-- fct_account_health_daily drops no account-day: every day of the scored history on which an
-- account has a staged subscription live at the end of the day has exactly one score, and no
-- other day has one. Counted independently from the staged subscriptions. Fails with each
-- account whose number of scored days differs.
with

subscriptions as (

    select
        account_id,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_validated') }}

),

scores as (

    select
        account_id,
        health_date
    from {{ ref('fct_account_health_daily') }}

),

day_numbers as (

    {{ dbt.generate_series(var('health_history_days')) }}

),

days as (

    select
        cast(
            {{ dbt.dateadd('day', '1 - day_numbers.generated_number', as_of_date()) }} as date
        ) as calendar_date
    from day_numbers

),

live_days as (

    select distinct
        subscriptions.account_id,
        days.calendar_date
    from subscriptions
    inner join days
        on {{ is_live_at(dbt.dateadd('day', 1, 'days.calendar_date'), 'subscriptions') }}

),

expected as (

    select
        account_id,
        count(*) as expected_days
    from live_days
    group by account_id

),

actual as (

    select
        account_id,
        count(*) as scored_rows,
        count(distinct health_date) as scored_days
    from scores
    group by account_id

)

select
    coalesce(expected.account_id, actual.account_id) as account_id,
    expected.expected_days,
    actual.scored_rows,
    actual.scored_days
from expected
full outer join actual
    on expected.account_id = actual.account_id
where
    coalesce(expected.expected_days, 0) != coalesce(actual.scored_rows, 0)
    or coalesce(expected.expected_days, 0) != coalesce(actual.scored_days, 0)
