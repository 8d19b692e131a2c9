-- dim_accounts drops no account and agrees with the revenue spine: one row per staged CRM
-- account; an active account's current MRR equals its closing MRR of the as-of month in
-- fct_mrr_movements; an account paying in that month but not active in the dimension must have
-- had its last subscription row end within the month, on or before the as-of date. Fails with
-- the accounts (or the count mismatch) that break this.
with

accounts as (

    select
        account_id,
        account_status,
        current_mrr_usd
    from {{ ref('dim_accounts') }}

),

crm_accounts as (

    select account_id
    from {{ ref('int_accounts_validated') }}

),

as_of_movements as (

    select
        account_id,
        closing_mrr_usd
    from {{ ref('fct_mrr_movements') }}
    where
        month_start_date
        = {{ as_of_month() }}

),

ended_in_as_of_month as (

    select distinct account_id
    from {{ ref('int_subscriptions_validated') }}
    where
        ended_at >= {{ as_of_month() }}
        and ended_at
        < {{ as_of_period_end() }}

),

dim_count as (

    select count(*) as row_count
    from accounts

),

crm_count as (

    select count(*) as row_count
    from crm_accounts

),

count_check as (

    select
        'row count' as failure,
        cast(null as {{ dbt.type_string() }}) as account_id
    from dim_count
    cross join crm_count
    where dim_count.row_count != crm_count.row_count

),

account_checks as (

    select
        case
            when accounts.account_status = 'active'
                then 'active account MRR differs from the spine'
            else 'paying in the spine, not active, no subscription ended this month'
        end as failure,
        accounts.account_id
    from accounts
    left join as_of_movements
        on accounts.account_id = as_of_movements.account_id
    left join ended_in_as_of_month
        on accounts.account_id = ended_in_as_of_month.account_id
    where
        (
            accounts.account_status = 'active'
            and accounts.current_mrr_usd != coalesce(as_of_movements.closing_mrr_usd, -1)
        )
        or (
            accounts.account_status != 'active'
            and coalesce(as_of_movements.closing_mrr_usd, 0) > 0
            and ended_in_as_of_month.account_id is null
        )

)

select * from count_check
union all
select * from account_checks
