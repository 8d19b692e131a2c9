{#-
    One row per CRM account, with billing facts as of var('as_of_date'): first paid month,
    current plan, seats, MRR, status and lifecycle stage. Company attributes only: no contact
    names or emails (personal data never reaches a mart).
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
    from {{ ref('stg_crm__accounts') }}

),

subscriptions as (

    select
        subscription_id,
        account_id,
        started_at,
        ended_at
    from {{ ref('stg_billing__subscriptions') }}

),

plans as (

    select
        plan_id,
        plan_tier,
        billing_interval
    from {{ ref('stg_billing__plans') }}

),

spine as (

    select
        account_id,
        month_start_date,
        plan_id,
        seats,
        mrr_usd,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

as_of as (

    select cast('{{ var("as_of_date") }}' as date) as as_of_date

),

latest_month as (

    select
        spine.account_id,
        spine.plan_id,
        spine.seats,
        spine.mrr_usd,
        spine.is_paying
    from spine
    where
        spine.month_start_date = (
            select max(all_months.month_start_date) from spine as all_months
        )

),

first_paid as (

    select
        account_id,
        min(month_start_date) as first_paid_month
    from spine
    where is_paying
    group by account_id

),

spell_starts as (

    -- A subscription row that does not continue the previous one starts a paying spell
    -- (the first contract or a reactivation).
    select
        subscriptions.account_id,
        subscriptions.started_at
    from subscriptions
    left join subscriptions as previous
        on
            subscriptions.account_id = previous.account_id
            and subscriptions.started_at = previous.ended_at
    where previous.subscription_id is null

),

contract_starts as (

    select
        spell_starts.account_id,
        max(cast(spell_starts.started_at as date)) as contract_start_date
    from spell_starts
    cross join as_of
    where cast(spell_starts.started_at as date) <= as_of.as_of_date
    group by spell_starts.account_id

),

current_state as (

    select
        accounts.account_id,
        accounts.parent_account_id,
        accounts.account_name,
        accounts.industry,
        accounts.segment,
        accounts.region,
        accounts.csm_owner,
        latest_month.plan_id as current_plan_id,
        plans.plan_tier as current_plan_tier,
        plans.billing_interval as current_billing_interval,
        coalesce(latest_month.seats, 0) as current_seats,
        coalesce(latest_month.mrr_usd, 0) as current_mrr_usd,
        coalesce(latest_month.is_paying, false) as is_paying,
        first_paid.first_paid_month,
        contract_starts.contract_start_date,
        {{ dbt.datediff('contract_starts.contract_start_date', 'as_of.as_of_date', 'day') }}
            as days_since_contract_start,
        accounts.created_at
    from accounts
    cross join as_of
    left join latest_month
        on accounts.account_id = latest_month.account_id
    left join plans
        on latest_month.plan_id = plans.plan_id
    left join first_paid
        on accounts.account_id = first_paid.account_id
    left join contract_starts
        on accounts.account_id = contract_starts.account_id

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
        case
            when not is_paying then null
            when days_since_contract_start < 90 then 'onboarding'
            when
                current_billing_interval = 'year'
                and 365 - mod(days_since_contract_start, 365) <= 90
                then 'renewal_window'
            when days_since_contract_start < 365 then 'growth'
            else 'mature'
        end as lifecycle_stage,
        cast(current_seats as {{ dbt.type_int() }}) as current_seats,
        cast(current_mrr_usd as decimal(18, 2)) as current_mrr_usd,
        is_paying,
        first_paid_month,
        contract_start_date,
        created_at
    from current_state

)

select * from final
