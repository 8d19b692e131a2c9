with

base_fx_rates as (

    select
        currency,
        month_start_date,
        rate_to_usd,
        rejection_reason
    from {{ ref('base_reference__fx_rates') }}

),

final as (

    select
        currency,
        month_start_date,
        rate_to_usd
    from base_fx_rates
    where rejection_reason is null

)

select * from final
