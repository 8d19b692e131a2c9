with

accounts as (

    select
        account_id,
        parent_account_id,
        account_name,
        industry,
        segment,
        region,
        csm_owner,
        created_at
    from {{ ref('int_accounts_validated') }}

),

current_subscriptions as (

    select
        account_id,
        current_plan_id,
        current_plan_tier,
        current_billing_interval,
        current_seats,
        current_mrr_usd
    from {{ ref('int_accounts_live_subscriptions_summed') }}

),

first_dates as (

    select
        account_id,
        first_paid_month
    from {{ ref('int_accounts_first_dates') }}

),

as_of_lifecycle as (

    select
        account_id,
        contract_start_date,
        next_renewal_date,
        lifecycle_stage
    from {{ ref('int_account_months_lifecycle') }}
    where month_start_date = {{ as_of_month() }}

),

account_subscriptions as (

    -- The account's live subscriptions at the as-of date; without any it pays nothing.
    select
        accounts.*,
        current_subscriptions.current_plan_id,
        current_subscriptions.current_plan_tier,
        current_subscriptions.current_billing_interval,
        cast(coalesce(current_subscriptions.current_seats, 0) as {{ dbt.type_int() }})
            as current_seats,
        cast(coalesce(current_subscriptions.current_mrr_usd, 0) as decimal(18, 2))
            as current_mrr_usd,
        coalesce(current_subscriptions.current_mrr_usd, 0) > 0 as is_paying
    from accounts
    left join current_subscriptions
        on accounts.account_id = current_subscriptions.account_id

),

final as (

    -- The status and the contract dates, the latter only while the account pays.
    select
        account_subscriptions.*,
        case
            when account_subscriptions.is_paying then 'active'
            when first_dates.first_paid_month is not null then 'churned'
            else 'prospect'
        end as account_status,
        as_of_lifecycle.lifecycle_stage,
        first_dates.first_paid_month,
        as_of_lifecycle.contract_start_date,
        as_of_lifecycle.next_renewal_date
    from account_subscriptions
    left join first_dates
        on account_subscriptions.account_id = first_dates.account_id
    left join as_of_lifecycle
        on
            account_subscriptions.account_id = as_of_lifecycle.account_id
            and account_subscriptions.is_paying

)

select * from final
