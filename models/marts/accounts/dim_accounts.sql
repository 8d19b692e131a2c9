{#-
    One row per CRM account, with billing facts as of var('as_of_date'): first paid month,
    current plan, seats, MRR, status and lifecycle stage. Company attributes only: no contact
    names or emails (personal data never reaches a mart).

    "Current" means the subscription rows live at the end of the as-of date (started on or
    before it, not ended by its end). The revenue spine may still count an account that ended
    during the as-of month as paying in that month (its final, partial month); here it is
    churned.
-#}

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

subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        plan_tier,
        billing_interval,
        currency,
        quantity,
        mrr,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_priced') }}

),

fx_rates as (

    select
        currency,
        month_start_date,
        rate_to_usd
    from {{ ref('int_fx_rates_validated') }}

),

spine as (

    select
        account_id,
        month_start_date,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

lifecycle as (

    select
        account_id,
        month_start_date,
        contract_start_date,
        next_renewal_date,
        lifecycle_stage
    from {{ ref('int_account_months_lifecycle') }}

),

as_of as (

    select
        {{ as_of_date() }} as as_of_date,
        {{ dbt.date_trunc('month', as_of_date()) }}
            as as_of_month,
        {{ as_of_period_end() }} as period_end_at

),

live_subscriptions as (

    select
        subscriptions.account_id,
        subscriptions.plan_id,
        subscriptions.plan_tier,
        subscriptions.billing_interval,
        subscriptions.quantity,
        subscriptions.mrr,
        subscriptions.mrr * fx_rates.rate_to_usd as mrr_usd,
        row_number() over (
            partition by subscriptions.account_id
            order by subscriptions.mrr desc, subscriptions.plan_id asc
        ) as mrr_rank
    from subscriptions
    cross join as_of
    left join fx_rates
        on
            subscriptions.currency = fx_rates.currency
            and as_of.as_of_month = fx_rates.month_start_date
    where
        subscriptions.started_at < as_of.period_end_at
        and (subscriptions.ended_at is null or subscriptions.ended_at >= as_of.period_end_at)

),

current_subscriptions as (

    -- Several live rows add up; the plan shown is the one carrying the most MRR.
    select
        account_id,
        max(case when mrr_rank = 1 then plan_id end) as current_plan_id,
        max(case when mrr_rank = 1 then plan_tier end) as current_plan_tier,
        max(case when mrr_rank = 1 then billing_interval end) as current_billing_interval,
        sum(quantity) as current_seats,
        sum(mrr_usd) as current_mrr_usd
    from live_subscriptions
    group by account_id

),

first_paid as (

    select
        account_id,
        min(month_start_date) as first_paid_month
    from spine
    where is_paying
    group by account_id

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
        first_paid.first_paid_month,
        lifecycle.contract_start_date,
        lifecycle.next_renewal_date,
        lifecycle.lifecycle_stage,
        accounts.created_at
    from accounts
    cross join as_of
    left join current_subscriptions
        on accounts.account_id = current_subscriptions.account_id
    left join first_paid
        on accounts.account_id = first_paid.account_id
    left join lifecycle
        on
            accounts.account_id = lifecycle.account_id
            and as_of.as_of_month = lifecycle.month_start_date

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
