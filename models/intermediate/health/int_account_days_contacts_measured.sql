with

calendar as (

    select
        account_id,
        calendar_date
    from {{ ref('int_account_days_enumerated') }}

),

contacts as (

    select
        account_id,
        is_champion,
        is_executive_sponsor,
        created_at,
        left_company_at
    from {{ ref('int_contacts_validated') }}

),

account_calendars as (

    select
        account_id,
        min(calendar_date) as first_calendar_date
    from calendar
    group by account_id

),

contact_deltas as (

    -- A contact counts in its role from created_at until it left the company.
    select
        account_id,
        cast(created_at as date) as delta_date,
        case when is_champion then 1 else 0 end as champion_delta,
        case when is_executive_sponsor then 1 else 0 end as sponsor_delta
    from contacts
    where created_at is not null

    union all

    select
        account_id,
        cast(left_company_at as date) as delta_date,
        case when is_champion then -1 else 0 end as champion_delta,
        case when is_executive_sponsor then -1 else 0 end as sponsor_delta
    from contacts
    where created_at is not null and left_company_at is not null

),

clamped_deltas as (

    -- A delta dated before the account's calendar counts on its first day.
    select
        contact_deltas.account_id,
        contact_deltas.champion_delta,
        contact_deltas.sponsor_delta,
        case
            when contact_deltas.delta_date < account_calendars.first_calendar_date
                then account_calendars.first_calendar_date
            else contact_deltas.delta_date
        end as delta_date
    from contact_deltas
    inner join account_calendars
        on contact_deltas.account_id = account_calendars.account_id

),

day_deltas as (

    select
        account_id,
        delta_date,
        sum(champion_delta) as champion_delta,
        sum(sponsor_delta) as sponsor_delta
    from clamped_deltas
    group by
        account_id,
        delta_date

),

running as (

    select
        calendar.account_id,
        calendar.calendar_date,
        sum(coalesce(day_deltas.champion_delta, 0)) over by_day as active_champions,
        sum(coalesce(day_deltas.sponsor_delta, 0)) over by_day as executive_sponsors
    from calendar
    left join day_deltas
        on
            calendar.account_id = day_deltas.account_id
            and calendar.calendar_date = day_deltas.delta_date
    window by_day as (
        {{ running_total_window('calendar.account_id', 'calendar.calendar_date') }}
    )

),

final as (

    select
        account_id,
        cast(
            case when executive_sponsors > 0 then 1 else 0 end as {{ dbt.type_int() }}
        ) as executive_sponsor_present,
        cast(active_champions as {{ dbt.type_int() }}) as active_champions,
        calendar_date as health_date
    from running
    where {{ in_health_history('calendar_date') }}

)

select * from final
