with

calendar as (

    select
        account_id,
        calendar_date
    from {{ ref('int_account_days_enumerated') }}

),

user_days as (

    select
        account_id,
        user_id,
        activity_date
    from {{ ref('int_user_days_activity') }}

),

account_calendars as (

    select
        account_id,
        min(calendar_date) as first_calendar_date
    from calendar
    group by account_id

),

user_spans as (

    -- A user is active in the trailing 30 days from an active day until the day before the
    -- next one, at most 30 days.
    select
        account_id,
        activity_date,
        lead(activity_date) over (
            partition by account_id, user_id order by activity_date
        ) as next_activity_date
    from user_days

),

user_deltas as (

    select
        account_id,
        activity_date as delta_date,
        1 as delta
    from user_spans

    union all

    select
        account_id,
        case
            when
                next_activity_date is not null
                and next_activity_date < {{ dbt.dateadd('day', 30, 'activity_date') }}
                then next_activity_date
            else cast({{ dbt.dateadd('day', 30, 'activity_date') }} as date)
        end as delta_date,
        -1 as delta
    from user_spans

),

clamped_deltas as (

    -- A delta dated before the account's calendar counts on its first day.
    select
        user_deltas.account_id,
        user_deltas.delta,
        case
            when user_deltas.delta_date < account_calendars.first_calendar_date
                then account_calendars.first_calendar_date
            else user_deltas.delta_date
        end as delta_date
    from user_deltas
    inner join account_calendars
        on user_deltas.account_id = account_calendars.account_id

),

day_deltas as (

    select
        account_id,
        delta_date,
        sum(delta) as user_delta
    from clamped_deltas
    group by
        account_id,
        delta_date

),

running as (

    select
        calendar.account_id,
        calendar.calendar_date,
        sum(coalesce(day_deltas.user_delta, 0)) over (
            {{ running_total_window('calendar.account_id', 'calendar.calendar_date') }}
        ) as active_users_30d
    from calendar
    left join day_deltas
        on
            calendar.account_id = day_deltas.account_id
            and calendar.calendar_date = day_deltas.delta_date

),

with_prior as (

    select
        *,
        lag(active_users_30d, 30) over (
            partition by account_id order by calendar_date
        ) as active_users_prior_30d
    from running

),

final as (

    select
        account_id,
        cast(active_users_30d as {{ dbt.type_int() }}) as active_users_30d,
        cast(active_users_prior_30d as {{ dbt.type_int() }}) as active_users_prior_30d,
        calendar_date as health_date
    from with_prior
    where {{ in_health_history('calendar_date') }}

)

select * from final
