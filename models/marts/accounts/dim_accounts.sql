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
    where month_start_date = {{ dbt.date_trunc('month', as_of_date()) }}

),

joined as (

    select
        accounts.account_id,
        accounts.parent_account_id,
        accounts.account_name,
        accounts.industry,
        accounts.segment,
        accounts.region,
        accounts.csm_owner,
        current_subscriptions.current_plan_id,
        current_subscriptions.current_plan_tier,
        current_subscriptions.current_billing_interval,
        coalesce(current_subscriptions.current_seats, 0) as current_seats,
        coalesce(current_subscriptions.current_mrr_usd, 0) as current_mrr_usd,
        coalesce(current_subscriptions.current_mrr_usd, 0) > 0 as is_paying,
        first_dates.first_paid_month,
        as_of_lifecycle.contract_start_date,
        as_of_lifecycle.next_renewal_date,
        as_of_lifecycle.lifecycle_stage,
        accounts.created_at
    from accounts
    left join current_subscriptions
        on accounts.account_id = current_subscriptions.account_id
    left join first_dates
        on accounts.account_id = first_dates.account_id
    left join as_of_lifecycle
        on accounts.account_id = as_of_lifecycle.account_id

),

final as (

    select
        account_id,
        parent_account_id,
        account_name,
        industry,
        segment,
        region,
        csm_owner,
        current_plan_id,
        current_plan_tier,
        current_billing_interval,
        case
            when is_paying then 'active'
            when first_paid_month is not null then 'churned'
            else 'prospect'
        end as account_status,
        case when is_paying then lifecycle_stage end as lifecycle_stage,
        cast(current_seats as {{ dbt.type_int() }}) as current_seats,
        cast(current_mrr_usd as decimal(18, 2)) as current_mrr_usd,
        is_paying,
        first_paid_month,
        case when is_paying then contract_start_date end as contract_start_date,
        case when is_paying then next_renewal_date end as next_renewal_date,
        created_at
    from joined

)

select * from final
