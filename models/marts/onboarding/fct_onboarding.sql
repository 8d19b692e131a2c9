with

time_to_value as (

    select
        account_id,
        first_value_source,
        time_to_first_value_days,
        days_since_contract_start,
        is_ttv_on_target,
        contract_start_date,
        onboarding_cohort_month,
        first_paid_month,
        first_value_date
    from {{ ref('int_accounts_time_to_value_measured') }}

),

accounts as (

    select
        account_id,
        segment
    from {{ ref('dim_accounts') }}

),

milestones as (

    select
        account_id,
        upcoming_onboarding_milestones,
        planned_onboarding_milestones,
        completed_onboarding_milestones,
        on_time_onboarding_milestones,
        onboarding_completion_rate,
        milestones_on_time_share,
        has_onboarding_plan,
        is_onboarding_complete,
        onboarding_completed_date
    from {{ ref('int_accounts_onboarding_milestones_counted') }}

),

users as (

    select
        account_id,
        provisioned_users,
        activated_users,
        activation_rate
    from {{ ref('int_accounts_users_activated') }}

),

final as (

    select
        time_to_value.account_id,
        accounts.segment,
        time_to_value.first_value_source,
        time_to_value.time_to_first_value_days,
        cast({{ var('ttv_target_days') }} as {{ dbt.type_int() }}) as ttv_target_days,
        milestones.upcoming_onboarding_milestones,
        milestones.planned_onboarding_milestones,
        milestones.completed_onboarding_milestones,
        milestones.on_time_onboarding_milestones,
        milestones.onboarding_completion_rate,
        milestones.milestones_on_time_share,
        users.provisioned_users,
        users.activated_users,
        users.activation_rate,
        time_to_value.is_ttv_on_target,
        milestones.has_onboarding_plan,
        milestones.is_onboarding_complete,
        -- Users created by day 30 have had their full 30-day activation window by day 60.
        time_to_value.days_since_contract_start >= 60 as is_activation_final,
        time_to_value.contract_start_date,
        time_to_value.onboarding_cohort_month,
        time_to_value.first_paid_month,
        time_to_value.first_value_date,
        milestones.onboarding_completed_date
    from time_to_value
    left join accounts
        on time_to_value.account_id = accounts.account_id
    left join milestones
        on time_to_value.account_id = milestones.account_id
    left join users
        on time_to_value.account_id = users.account_id

)

select * from final
