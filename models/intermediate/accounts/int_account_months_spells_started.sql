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
        billing_interval,
        interval_count
    from {{ ref('int_plans_validated') }}

),

with_previous as (

    select
        *,
        coalesce(
            lag(is_paying) over (partition by account_id order by month_start_date), false
        ) as was_paying
    from spine

),

spell_months as (

    -- The first month of the paying spell each paying month belongs to.
    select
        *,
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
        cast(min(subscriptions.started_at) as date) as spell_start_date
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
        plans.interval_count,
        spell_starts.spell_start_date,
        case
            when spell_months.next_month_start_date > {{ as_of_date() }}
                then {{ as_of_date() }}
            else cast({{ dbt.dateadd('day', -1, 'spell_months.next_month_start_date') }} as date)
        end as reference_date
    from spell_months
    left join spell_starts
        on {{ join_on_keys('spell_months', 'spell_starts', ['account_id', 'spell_start_month']) }}
    left join plans
        on spell_months.plan_id = plans.plan_id

),

final as (

    select
        {{ compound_id(['account_id', 'month_start_date']) }} as account_month_id,
        account_id,
        month_start_date,
        reference_date,
        is_paying,
        billing_interval,
        interval_count,
        case when is_paying then spell_start_date end as spell_start_date
    from dated

)

select * from final
