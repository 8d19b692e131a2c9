with

contracts as (

    select account_id
    from {{ ref('int_accounts_first_dates') }}

),

milestones as (

    select
        account_id,
        planned_date,
        completed_at
    from {{ ref('int_milestones_validated') }}
    where milestone_type = 'onboarding'

),

known_milestones as (

    -- A completion after the as-of date is not known yet: the milestone is still open.
    select
        account_id,
        planned_date,
        case
            when completed_at < {{ as_of_period_end() }} then cast(completed_at as date)
        end as completed_date
    from milestones

),

milestone_counts as (

    select
        account_id,
        count(*) as onboarding_milestones,
        sum(
            case
                when planned_date <= {{ as_of_date() }} or completed_date is not null then 1
                else 0
            end
        ) as planned_onboarding_milestones,
        sum(case when completed_date is not null then 1 else 0 end)
            as completed_onboarding_milestones,
        sum(case when completed_date <= planned_date then 1 else 0 end)
            as on_time_onboarding_milestones,
        max(completed_date) as last_completed_date
    from known_milestones
    group by account_id

),

joined as (

    select
        contracts.account_id,
        coalesce(milestone_counts.onboarding_milestones, 0) as onboarding_milestones,
        coalesce(milestone_counts.planned_onboarding_milestones, 0)
            as planned_onboarding_milestones,
        coalesce(milestone_counts.completed_onboarding_milestones, 0)
            as completed_onboarding_milestones,
        coalesce(milestone_counts.on_time_onboarding_milestones, 0)
            as on_time_onboarding_milestones,
        milestone_counts.last_completed_date
    from contracts
    left join milestone_counts
        on contracts.account_id = milestone_counts.account_id

),

final as (

    select
        account_id,
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
        onboarding_milestones > 0 as has_onboarding_plan,
        onboarding_milestones > 0
        and completed_onboarding_milestones = onboarding_milestones as is_onboarding_complete,
        case
            when
                onboarding_milestones > 0
                and completed_onboarding_milestones = onboarding_milestones
                then last_completed_date
        end as onboarding_completed_date
    from joined

)

select * from final
