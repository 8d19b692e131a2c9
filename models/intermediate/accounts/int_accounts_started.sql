with

subscriptions as (

    {{ known_subscriptions(['account_id', 'started_at']) }}

),

first_starts as (

    select
        account_id,
        min(started_at) as first_started_at
    from subscriptions
    group by account_id

),

final as (

    select
        account_id,
        cast(first_started_at as date) as first_start_date,
        cast({{ dbt.date_trunc('month', 'first_started_at') }} as date) as first_start_month,
        first_started_at
    from first_starts

)

select * from final
