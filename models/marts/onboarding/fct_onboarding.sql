{#-
    Onboarding and time to value (SPEC section 6). One row per account with a subscription
    started on or before var('as_of_date'), measured from its first contract start (the earliest
    subscription start). Only facts known at the end of the as-of date are read: later
    subscriptions, milestone completions, users and events do not exist yet.

    - First value: the earlier of the completion date of the `first_value` onboarding milestone
      and the date of the account's first `workflow_completed` event, each on or after the
      contract start (a pilot before the contract is not value delivered under it).
    - Time to first value: calendar days from the contract start to the first value; on target
      when at most var('ttv_target_days') (default 30). Not reached yet: off target once the
      as-of date is that many days after the contract start, otherwise unknown (null).
    - Onboarding milestones (milestone_type = 'onboarding'). Planned: due (planned date on or
      before the as-of date) or already completed; milestones planned later and still open are
      upcoming, kept out of the rates. On time: completed on or before the planned date.
      Complete: every onboarding milestone completed.
    - Provisioned users: created no later than day 30 of the contract (day n = calendar days
      from the contract start date). Activated: any event on day 0 to 30 after the user's
      creation date (day 30 counts, day 31 does not). The activation rate is final once the
      as-of date is 60 days after the contract start (day 30 + 30 days).
-#}

with

accounts as (

    select
        account_id,
        segment
    from {{ ref('int_accounts_validated') }}

),

subscriptions as (

    select
        account_id,
        started_at
    from {{ ref('int_subscriptions_priced') }}
    where started_at < {{ as_of_period_end() }}

),

spine as (

    select
        account_id,
        month_start_date,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

milestones as (

    select
        account_id,
        milestone_name,
        planned_date,
        completed_at
    from {{ ref('int_milestones_validated') }}
    where milestone_type = 'onboarding'

),

users as (

    select
        user_id,
        account_id,
        created_at
    from {{ ref('int_users_validated') }}
    where created_at < {{ as_of_period_end() }}

),

events as (

    select
        event_id,
        account_id,
        user_id,
        event_name,
        occurred_date
    from {{ ref('int_events_validated') }}
    where occurred_at < {{ as_of_period_end() }}

),

as_of as (

    select
        {{ as_of_date() }} as as_of_date,
        {{ as_of_period_end() }} as period_end_at

),

contracts as (

    select
        account_id,
        cast(min(started_at) as date) as contract_start_date
    from subscriptions
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

known_milestones as (

    -- A completion after the as-of date is not known yet: the milestone is still open.
    select
        milestones.account_id,
        milestones.milestone_name,
        milestones.planned_date,
        case
            when milestones.completed_at < as_of.period_end_at
                then cast(milestones.completed_at as date)
        end as completed_date,
        as_of.as_of_date
    from milestones
    cross join as_of

),

milestone_counts as (

    select
        account_id,
        count(*) as onboarding_milestones,
        sum(
            case when planned_date <= as_of_date or completed_date is not null then 1 else 0 end
        ) as planned_onboarding_milestones,
        sum(case when completed_date is not null then 1 else 0 end)
            as completed_onboarding_milestones,
        sum(case when completed_date <= planned_date then 1 else 0 end)
            as on_time_onboarding_milestones,
        max(completed_date) as last_completed_date
    from known_milestones
    group by account_id

),

first_value_milestones as (

    select
        known_milestones.account_id,
        min(known_milestones.completed_date) as milestone_value_date
    from known_milestones
    inner join contracts
        on known_milestones.account_id = contracts.account_id
    where
        known_milestones.milestone_name = 'first_value'
        and known_milestones.completed_date >= contracts.contract_start_date
    group by known_milestones.account_id

),

first_workflows as (

    select
        events.account_id,
        min(events.occurred_date) as workflow_value_date
    from events
    inner join contracts
        on events.account_id = contracts.account_id
    where
        events.event_name = 'workflow_completed'
        and events.occurred_date >= contracts.contract_start_date
    group by events.account_id

),

provisioned_users as (

    select
        users.user_id,
        users.account_id,
        cast(users.created_at as date) as created_date,
        cast({{ dbt.dateadd('day', 30, 'cast(users.created_at as date)') }} as date)
            as activation_end_date
    from users
    inner join contracts
        on users.account_id = contracts.account_id
    where
        cast(users.created_at as date)
        <= cast({{ dbt.dateadd('day', 30, 'contracts.contract_start_date') }} as date)

),

user_activations as (

    select
        provisioned_users.account_id,
        provisioned_users.user_id,
        max(case when events.event_id is not null then 1 else 0 end) as is_activated
    from provisioned_users
    left join events
        on
            provisioned_users.user_id = events.user_id
            and provisioned_users.created_date <= events.occurred_date
            and provisioned_users.activation_end_date >= events.occurred_date
    group by
        provisioned_users.account_id,
        provisioned_users.user_id

),

user_counts as (

    select
        account_id,
        count(*) as provisioned_users,
        sum(is_activated) as activated_users
    from user_activations
    group by account_id

),

joined as (

    select
        contracts.account_id,
        accounts.segment,
        contracts.contract_start_date,
        first_paid.first_paid_month,
        first_value_milestones.milestone_value_date,
        first_workflows.workflow_value_date,
        case
            when
                first_workflows.workflow_value_date is null
                or first_value_milestones.milestone_value_date
                <= first_workflows.workflow_value_date
                then first_value_milestones.milestone_value_date
            else first_workflows.workflow_value_date
        end as first_value_date,
        {{ dbt.datediff('contracts.contract_start_date', 'as_of.as_of_date', 'day') }}
            as days_since_contract_start,
        coalesce(milestone_counts.onboarding_milestones, 0) as onboarding_milestones,
        coalesce(milestone_counts.planned_onboarding_milestones, 0)
            as planned_onboarding_milestones,
        coalesce(milestone_counts.completed_onboarding_milestones, 0)
            as completed_onboarding_milestones,
        coalesce(milestone_counts.on_time_onboarding_milestones, 0)
            as on_time_onboarding_milestones,
        milestone_counts.last_completed_date,
        coalesce(user_counts.provisioned_users, 0) as provisioned_users,
        coalesce(user_counts.activated_users, 0) as activated_users
    from contracts
    cross join as_of
    left join accounts
        on contracts.account_id = accounts.account_id
    left join first_paid
        on contracts.account_id = first_paid.account_id
    left join first_value_milestones
        on contracts.account_id = first_value_milestones.account_id
    left join first_workflows
        on contracts.account_id = first_workflows.account_id
    left join milestone_counts
        on contracts.account_id = milestone_counts.account_id
    left join user_counts
        on contracts.account_id = user_counts.account_id

),

measured as (

    select
        account_id,
        segment,
        contract_start_date,
        first_paid_month,
        first_value_date,
        days_since_contract_start,
        onboarding_milestones,
        planned_onboarding_milestones,
        completed_onboarding_milestones,
        on_time_onboarding_milestones,
        last_completed_date,
        provisioned_users,
        activated_users,
        case
            when first_value_date is null then null
            when first_value_date = milestone_value_date then 'milestone'
            else 'workflow'
        end as first_value_source,
        {{ dbt.datediff('contract_start_date', 'first_value_date', 'day') }}
            as time_to_first_value_days,
        onboarding_milestones > 0
        and completed_onboarding_milestones = onboarding_milestones as is_onboarding_complete
    from joined

),

final as (

    select
        account_id,
        segment,
        first_value_source,
        cast(time_to_first_value_days as {{ dbt.type_bigint() }}) as time_to_first_value_days,
        cast({{ var('ttv_target_days', 30) }} as {{ dbt.type_int() }}) as ttv_target_days,
        cast(onboarding_milestones - planned_onboarding_milestones as {{ dbt.type_bigint() }})
            as upcoming_onboarding_milestones,
        cast(planned_onboarding_milestones as {{ dbt.type_bigint() }})
            as planned_onboarding_milestones,
        cast(completed_onboarding_milestones as {{ dbt.type_bigint() }})
            as completed_onboarding_milestones,
        cast(on_time_onboarding_milestones as {{ dbt.type_bigint() }})
            as on_time_onboarding_milestones,
        cast(
            completed_onboarding_milestones * 1.0 / nullif(planned_onboarding_milestones, 0)
            as decimal(18, 6)
        ) as onboarding_completion_rate,
        cast(
            on_time_onboarding_milestones * 1.0 / nullif(planned_onboarding_milestones, 0)
            as decimal(18, 6)
        ) as milestones_on_time_share,
        cast(provisioned_users as {{ dbt.type_bigint() }}) as provisioned_users,
        cast(activated_users as {{ dbt.type_bigint() }}) as activated_users,
        cast(activated_users * 1.0 / nullif(provisioned_users, 0) as decimal(18, 6))
            as activation_rate,
        case
            when time_to_first_value_days is not null
                then time_to_first_value_days <= {{ var('ttv_target_days', 30) }}
            when days_since_contract_start >= {{ var('ttv_target_days', 30) }} then false
        end as is_ttv_on_target,
        onboarding_milestones > 0 as has_onboarding_plan,
        is_onboarding_complete,
        days_since_contract_start >= 60 as is_activation_final,
        contract_start_date,
        cast({{ dbt.date_trunc('month', 'contract_start_date') }} as date)
            as onboarding_cohort_month,
        first_paid_month,
        first_value_date,
        case when is_onboarding_complete then last_completed_date end
            as onboarding_completed_date
    from measured

)

select * from final
