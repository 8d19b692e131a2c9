{%- set ttv_target_days = var('ttv_target_days') %}

with

first_dates as (

    select
        account_id,
        first_start_date,
        first_paid_month,
        milestone_value_date,
        first_value_date
    from {{ ref('int_accounts_first_dates') }}

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

measured as (

    select
        account_id,
        first_start_date as contract_start_date,
        first_paid_month,
        first_value_date,
        case
            when first_value_date is null then null
            when first_value_date = milestone_value_date then 'milestone'
            else 'workflow'
        end as first_value_source,
        {{ dbt.datediff('first_start_date', 'first_value_date', 'day') }}
            as time_to_first_value_days,
        {{ dbt.datediff('first_start_date', as_of_date(), 'day') }}
            as days_since_contract_start
    from first_dates

),

final as (

    select
        measured.account_id,
        accounts.segment,
        measured.first_value_source,
        cast(measured.time_to_first_value_days as {{ dbt.type_bigint() }})
            as time_to_first_value_days,
        cast({{ ttv_target_days }} as {{ dbt.type_int() }}) as ttv_target_days,
        milestones.upcoming_onboarding_milestones,
        milestones.planned_onboarding_milestones,
        milestones.completed_onboarding_milestones,
        milestones.on_time_onboarding_milestones,
        milestones.onboarding_completion_rate,
        milestones.milestones_on_time_share,
        users.provisioned_users,
        users.activated_users,
        users.activation_rate,
        case
            when measured.time_to_first_value_days is not null
                then measured.time_to_first_value_days <= {{ ttv_target_days }}
            when measured.days_since_contract_start >= {{ ttv_target_days }} then false
        end as is_ttv_on_target,
        milestones.has_onboarding_plan,
        milestones.is_onboarding_complete,
        -- Users created by day 30 have had their full 30-day activation window by day 60.
        measured.days_since_contract_start >= 60 as is_activation_final,
        measured.contract_start_date,
        cast({{ dbt.date_trunc('month', 'measured.contract_start_date') }} as date)
            as onboarding_cohort_month,
        measured.first_paid_month,
        measured.first_value_date,
        milestones.onboarding_completed_date
    from measured
    left join accounts
        on measured.account_id = accounts.account_id
    left join milestones
        on measured.account_id = milestones.account_id
    left join users
        on measured.account_id = users.account_id

)

select * from final
