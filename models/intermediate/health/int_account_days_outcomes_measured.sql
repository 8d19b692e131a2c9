with

calendar as (

    select * from {{ ref('int_account_days_enumerated') }}

),

milestones as (

    select
        account_id,
        planned_date,
        completed_at
    from {{ ref('int_milestones_validated') }}

),

first_dates as (

    select
        account_id,
        first_start_date,
        first_value_date
    from {{ ref('int_accounts_first_dates') }}

),

milestone_days as (

    -- Milestones by their planned date, and whether they were completed by it.
    select
        account_id,
        planned_date,
        sum(1) as milestones_due,
        sum(
            case when cast(completed_at as date) <= planned_date then 1 else 0 end
        ) as milestones_on_time
    from milestones
    group by
        account_id,
        planned_date

),

windowed as (

    {{ calendar_trailing_sums('milestone_days', 'planned_date', {
        365: ['milestones_due', 'milestones_on_time'],
    }) }}

),

final as (

    select
        windowed.account_id,
        cast(
            windowed.milestones_on_time_365d * 1.0 / nullif(windowed.milestones_due_365d, 0)
            as decimal(18, 6)
        ) as milestones_on_time_rate,
        cast(
            case
                when first_dates.first_value_date <= windowed.calendar_date
                    then {{ dbt.datediff('first_dates.first_start_date',
                        'first_dates.first_value_date', 'day') }}
                else {{ dbt.datediff('first_dates.first_start_date',
                    'windowed.calendar_date', 'day') }}
            end as {{ dbt.type_int() }}
        ) as time_to_first_value_days,
        first_dates.first_value_date <= windowed.calendar_date as has_reached_first_value,
        windowed.calendar_date as health_date
    from windowed
    inner join first_dates
        on windowed.account_id = first_dates.account_id
    where {{ in_health_history('windowed.calendar_date') }}

)

select * from final
