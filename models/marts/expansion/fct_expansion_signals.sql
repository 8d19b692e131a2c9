with

signals as (

    select
        account_month_id,
        account_id,
        health_tier,
        seats,
        active_users_30d,
        api_calls_30d,
        seat_utilisation,
        active_user_growth,
        feature_breadth,
        api_growth,
        health_score,
        signal_count,
        expansion_propensity,
        has_seat_utilisation_signal,
        has_active_user_growth_signal,
        has_feature_breadth_signal,
        has_api_growth_signal,
        has_health_score_signal,
        is_qualified,
        month_start_date,
        snapshot_date
    from {{ ref('int_account_months_signals_scored') }}

),

final as (

    select * from signals

)

select * from final
