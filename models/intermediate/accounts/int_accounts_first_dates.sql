with

first_starts as (

    select
        account_id,
        first_start_date,
        first_started_at
    from {{ ref('int_accounts_started') }}

),

paying_months as (

    -- Months billed at all: an account that starts and ends within one month never pays at a
    -- month end, yet it was a paying customer in that month.
    select
        account_id,
        month_start_date
    from {{ ref('int_account_months_revenue') }}
    where is_billed

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
        value_moments > 0
        and activity_date <= {{ as_of_date() }}

),

first_paid_months as (

    select
        account_id,
        min(month_start_date) as first_paid_month
    from paying_months
    group by account_id

),

value_events as (

    select
        account_id,
        completed_date as value_date,
        'milestone' as value_source
    from value_milestones

    union all

    select
        account_id,
        activity_date as value_date,
        'workflow' as value_source
    from workflow_days

),

first_values as (

    -- Value counts from the first subscription's start on: a milestone or workflow before the
    -- contract is trial use, not value delivered to a customer.
    select
        first_starts.account_id,
        first_starts.first_start_date,
        first_starts.first_started_at,
        min(
            case when value_events.value_source = 'milestone' then value_events.value_date end
        ) as milestone_value_date,
        min(
            case when value_events.value_source = 'workflow' then value_events.value_date end
        ) as workflow_value_date,
        min(value_events.value_date) as first_value_date
    from first_starts
    left join value_events
        on
            first_starts.account_id = value_events.account_id
            and first_starts.first_start_date <= value_events.value_date
    group by
        first_starts.account_id,
        first_starts.first_start_date,
        first_starts.first_started_at

),

final as (

    select
        first_values.account_id,
        first_paid_months.first_paid_month,
        first_values.first_start_date,
        first_values.milestone_value_date,
        first_values.workflow_value_date,
        first_values.first_value_date,
        first_values.first_started_at
    from first_values
    left join first_paid_months
        on first_values.account_id = first_paid_months.account_id

)

select * from final
