with

source as (

    select
        currency,
        month,
        rate_to_usd
    from {{ checked_source(source('reference', 'fx_rates')) }}

),

renamed as (

    select
        {{ clean_currency_code('currency') }} as currency,
        cast(rate_to_usd as decimal(18, 8)) as rate_to_usd,
        cast(month as date) as month_start_date
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by currency, month_start_date
            order by rate_to_usd nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when currency is null or month_start_date is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when rate_to_usd is null or rate_to_usd <= 0 then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
