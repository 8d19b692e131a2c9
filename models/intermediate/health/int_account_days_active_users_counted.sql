with

calendar as (

    select * from {{ ref('int_account_days_enumerated') }}

),

user_days as (

    select
        account_id,
        user_id,
        activity_date
    from {{ ref('int_user_days_activity') }}

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

{{ running_counts_from_deltas('user_deltas', {'delta': 'active_users_30d'}) }},

with_prior as (

    select
        *,
        lag(active_users_30d, 30) over (
            partition by account_id order by calendar_date
        ) as active_users_prior_30d
    from running_counts

),

final as (

    select
        account_id,
        active_users_30d,
        active_users_prior_30d,
        calendar_date as health_date
    from with_prior
    where {{ in_health_history('calendar_date') }}

)

select * from final
