with

calendar as (

    select * from {{ ref('int_account_days_enumerated') }}

),

subscriptions as (

    select
        account_id,
        seats,
        mrr,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_priced') }}

),

live_state as (

    -- Subscription items live at the end of each calendar day: seats (per-seat items only) and
    -- MRR (plan currency), null on days with none.
    select
        calendar.account_id,
        calendar.calendar_date,
        sum(subscriptions.seats) as seats,
        sum(subscriptions.mrr) as mrr
    from calendar
    left join subscriptions
        on
            calendar.account_id = subscriptions.account_id
            and {{ is_live_at(dbt.dateadd('day', 1, 'calendar.calendar_date'), 'subscriptions') }}
    group by
        calendar.account_id,
        calendar.calendar_date

),

with_history as (

    select
        *,
        lag(mrr, 90) over (partition by account_id order by calendar_date) as mrr_90d_ago
    from live_state

),

final as (

    select
        account_id,
        cast(seats as {{ dbt.type_int() }}) as seats,
        cast(mrr / nullif(mrr_90d_ago, 0) - 1 as decimal(18, 6)) as mrr_growth_90d,
        calendar_date as health_date
    from with_history
    where
        seats is not null
        and {{ in_health_history('calendar_date') }}

)

select * from final
