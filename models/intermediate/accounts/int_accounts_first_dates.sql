with

first_starts as (

    select
        account_id,
        first_start_date,
        first_started_at
    from {{ ref('int_accounts_started') }}

),

paying_months as (

    select
        account_id,
        month_start_date
    from {{ ref('int_account_months_revenue') }}
    where is_paying

),

value_milestones as (

    select
        account_id,
        cast(completed_at as date) as completed_date
    from {{ ref('int_milestones_validated') }}
    where
        milestone_type = 'onboarding'
        and milestone_name = 'first_value'
        and completed_at < {{ as_of_period_end() }}

),

workflow_days as (

    select
        account_id,
        activity_date
    from {{ ref('int_account_days_usage') }}
    where
        workflow_completions > 0
        and activity_date <= {{ as_of_date() }}

),

first_paid_months as (

    select
        account_id,
        min(month_start_date) as first_paid_month
    from paying_months
    group by account_id

),

first_value_milestones as (

    -- Value counts from the first subscription's start on: a milestone or workflow before the
    -- contract is trial use, not value delivered to a customer.
    select
        first_starts.account_id,
        min(value_milestones.completed_date) as milestone_value_date
    from first_starts
    inner join value_milestones
        on
            first_starts.account_id = value_milestones.account_id
            and first_starts.first_start_date <= value_milestones.completed_date
    group by first_starts.account_id

),

first_workflows as (

    select
        first_starts.account_id,
        min(workflow_days.activity_date) as workflow_value_date
    from first_starts
    inner join workflow_days
        on
            first_starts.account_id = workflow_days.account_id
            and first_starts.first_start_date <= workflow_days.activity_date
    group by first_starts.account_id

),

final as (

    select
        first_starts.account_id,
        first_paid_months.first_paid_month,
        first_starts.first_start_date,
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
        first_starts.first_started_at
    from first_starts
    left join first_paid_months
        on first_starts.account_id = first_paid_months.account_id
    left join first_value_milestones
        on first_starts.account_id = first_value_milestones.account_id
    left join first_workflows
        on first_starts.account_id = first_workflows.account_id

)

select * from final
