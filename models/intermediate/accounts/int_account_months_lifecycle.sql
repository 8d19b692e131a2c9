{#-
    Lifecycle stage per account-month (SPEC section 6), read at the month's reference date: the
    last day of the month, or var('as_of_date') in the as-of month. One row per row of the
    revenue spine.

    A paying spell is a run of paying months; its contract start is the earliest subscription
    start in the spell's first month (the first contract, or the latest reactivation). Annual
    plans renew on the anniversaries of the contract start. Stage, first match: onboarding (fewer
    than 90 days since the contract start), renewal_window (annual plan, 90 days or fewer before
    the next renewal), growth (fewer than 365 days), mature; null when the month is not paying.
-#}

with

spine as (

    select
        account_id,
        month_start_date,
        plan_id,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

subscriptions as (

    select
        account_id,
        started_at
    from {{ ref('int_subscriptions_priced') }}

),

plans as (

    select
        plan_id,
        billing_interval
    from {{ ref('int_plans_validated') }}

),

with_previous as (

    select
        account_id,
        month_start_date,
        plan_id,
        is_paying,
        coalesce(
            lag(is_paying) over (partition by account_id order by month_start_date), false
        ) as was_paying
    from spine

),

spell_months as (

    -- The first month of the paying spell each paying month belongs to.
    select
        account_id,
        month_start_date,
        plan_id,
        is_paying,
        cast({{ dbt.dateadd('month', 1, 'month_start_date') }} as date) as next_month_start_date,
        case
            when is_paying
                then max(case when is_paying and not was_paying then month_start_date end) over (
                    partition by account_id
                    order by month_start_date
                    rows between unbounded preceding and current row
                )
        end as spell_start_month
    from with_previous

),

spell_starts as (

    select
        spell_months.account_id,
        spell_months.spell_start_month,
        cast(min(subscriptions.started_at) as date) as contract_start_date
    from spell_months
    inner join subscriptions
        on
            spell_months.account_id = subscriptions.account_id
            and spell_months.spell_start_month <= subscriptions.started_at
            and subscriptions.started_at
            < {{ dbt.dateadd('month', 1, 'spell_months.spell_start_month') }}
    where spell_months.month_start_date = spell_months.spell_start_month
    group by
        spell_months.account_id,
        spell_months.spell_start_month

),

dated as (

    select
        spell_months.account_id,
        spell_months.month_start_date,
        spell_months.is_paying,
        plans.billing_interval,
        spell_starts.contract_start_date,
        case
            when spell_months.next_month_start_date > {{ as_of_date() }}
                then {{ as_of_date() }}
            else cast({{ dbt.dateadd('day', -1, 'spell_months.next_month_start_date') }} as date)
        end as reference_date
    from spell_months
    left join spell_starts
        on
            spell_months.account_id = spell_starts.account_id
            and spell_months.spell_start_month = spell_starts.spell_start_month
    left join plans
        on spell_months.plan_id = plans.plan_id

),

anniversary_offsets as (

    -- The next anniversary after the reference date is in the reference date's calendar
    -- year or the one after.
    select 0 as year_offset
    union all
    select 1 as year_offset

),

anniversaries as (

    select
        dated.account_id,
        dated.month_start_date,
        dated.reference_date,
        cast({{ dbt.dateadd(
            'year',
            dbt.datediff('dated.contract_start_date', 'dated.reference_date', 'year')
            ~ ' + anniversary_offsets.year_offset',
            'dated.contract_start_date') }} as date) as anniversary_date
    from dated
    cross join anniversary_offsets
    where
        dated.billing_interval = 'year'
        and dated.is_paying

),

renewals as (

    select
        account_id,
        month_start_date,
        min(anniversary_date) as next_renewal_date
    from anniversaries
    where anniversary_date > reference_date
    group by
        account_id,
        month_start_date

),

measured as (

    select
        dated.account_id,
        dated.month_start_date,
        dated.reference_date,
        dated.is_paying,
        dated.billing_interval,
        dated.contract_start_date,
        renewals.next_renewal_date,
        {{ dbt.datediff('dated.contract_start_date', 'dated.reference_date', 'day') }}
            as days_since_contract_start,
        {{ dbt.datediff('dated.reference_date', 'renewals.next_renewal_date', 'day') }}
            as days_to_renewal
    from dated
    left join renewals
        on
            dated.account_id = renewals.account_id
            and dated.month_start_date = renewals.month_start_date

),

final as (

    select
        {{ dbt.concat(['account_id', "'-'", dbt.cast('month_start_date', dbt.type_string())]) }}
            as account_month_id,
        account_id,
        month_start_date,
        reference_date,
        is_paying,
        billing_interval,
        case when is_paying then contract_start_date end as contract_start_date,
        next_renewal_date,
        case when is_paying then days_since_contract_start end as days_since_contract_start,
        days_to_renewal,
        case
            when not is_paying then null
            when days_since_contract_start < 90 then 'onboarding'
            when days_to_renewal <= 90 then 'renewal_window'
            when days_since_contract_start < 365 then 'growth'
            else 'mature'
        end as lifecycle_stage
    from measured

)

select * from final
