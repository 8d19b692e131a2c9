-- fct_onboarding keeps every contracted account exactly once: each account with a staged
-- subscription started on or before the as-of date (read from int_subscriptions_validated, not
-- the priced rows the model reads, so a subscription dropped by pricing is caught too) has one
-- row, and no other account has one. Fails with the accounts that break this and why.
with

subscriptions as (

    select
        account_id,
        started_at
    from {{ ref('int_subscriptions_validated') }}

),

onboarding as (

    select account_id
    from {{ ref('fct_onboarding') }}

),

contracted_accounts as (

    select distinct account_id
    from subscriptions
    where started_at < {{ as_of_period_end() }}

),

onboarding_rows as (

    select
        account_id,
        count(*) as row_count
    from onboarding
    group by account_id

),

compared as (

    select
        coalesce(contracted_accounts.account_id, onboarding_rows.account_id) as account_id,
        coalesce(onboarding_rows.row_count, 0) as row_count,
        case
            when onboarding_rows.account_id is null then 'missing'
            when contracted_accounts.account_id is null then 'not_contracted'
            when onboarding_rows.row_count > 1 then 'duplicated'
        end as problem
    from contracted_accounts
    full outer join onboarding_rows
        on contracted_accounts.account_id = onboarding_rows.account_id

),

final as (

    select
        account_id,
        row_count,
        problem
    from compared
    where problem is not null

)

select * from final
