{{ config(post_hook="{{ fail_on_conflicting_copies(['currency', 'month_start_date']) }}") }}

with

source as (

    select * from {{ checked_source(source('reference', 'fx_rates')) }}

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
        {{ duplicate_rank(
            ['currency', 'month_start_date'],
            order_by=['rate_to_usd']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules(['currency', 'month_start_date']) }}
            when rate_to_usd is null or rate_to_usd <= 0 then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
