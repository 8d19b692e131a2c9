with

opportunities as (

    select
        opportunity_id,
        account_id,
        status,
        opportunity_stage,
        opportunity_source,
        currency,
        amount,
        rate_to_usd,
        amount_usd,
        days_to_close,
        days_from_signal_to_created,
        is_closed,
        is_won,
        had_prior_signal,
        created_date,
        close_date,
        latest_signal_date,
        fx_month_start_date,
        created_at
    from {{ ref('int_expansion_opportunities_attributed') }}

),

final as (

    select * from opportunities

)

select * from final
