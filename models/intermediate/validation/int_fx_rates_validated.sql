with

fx_rates as (

    select
        currency,
        month_start_date,
        rate_to_usd,
        rejection_reason
    from {{ ref('stg_reference__fx_rates') }}

),

final as (

    select
        fx_rates.currency,
        fx_rates.month_start_date,
        fx_rates.rate_to_usd
    from fx_rates
    where {{ final_rejection_reason('fx_rates', 'fx_rates') }} is null

)

select * from final
