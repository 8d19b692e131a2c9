with

first_dates as (

    select
        account_id,
        first_start_date
    from {{ ref('int_accounts_first_dates') }}

),

day_numbers as (

    {{ dbt.generate_series(var('health_history_days') + 500) }}

),

calendar as (

    -- Every day up to the as-of date; the extra 500 days before the scored history give the
    -- trailing windows and running sums their past.
    select
        cast(
            {{ dbt.dateadd('day', '1 - day_numbers.generated_number', as_of_date()) }} as date
        ) as calendar_date
    from day_numbers

),

calendar_start as (

    select min(calendar_date) as first_calendar_date
    from calendar

),

account_calendars as (

    -- Each account's calendar starts 365 days (the longest window) before its first
    -- subscription, so windows see facts dated before it.
    select
        first_dates.account_id,
        case
            when
                {{ dbt.dateadd('day', -365, 'first_dates.first_start_date') }}
                > calendar_start.first_calendar_date
                then cast({{ dbt.dateadd('day', -365, 'first_dates.first_start_date') }} as date)
            else calendar_start.first_calendar_date
        end as first_calendar_date
    from first_dates
    cross join calendar_start

),

final as (

    select
        account_calendars.account_id,
        calendar.calendar_date
    from account_calendars
    inner join calendar
        on account_calendars.first_calendar_date <= calendar.calendar_date

)

select * from final
