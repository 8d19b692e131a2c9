{{ config(post_hook="{{ fail_on_conflicting_copies(['month_start_date', 'segment']) }}") }}

with

source as (

    select * from {{ checked_source(source('reference', 'acquisition_costs')) }}

),

renamed as (

    select
        {{ clean_enum('segment') }} as segment,
        cast(sales_marketing_spend_usd as decimal(18, 2)) as sales_marketing_spend_usd,
        cast(new_customers_won as {{ dbt.type_int() }}) as new_customers_won,
        cast(month as date) as month_start_date
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            ['month_start_date', 'segment'],
            order_by=['sales_marketing_spend_usd', 'new_customers_won']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules(['month_start_date', 'segment']) }}
            when sales_marketing_spend_usd < 0 then 'negative_amount'
            when
                sales_marketing_spend_usd is null
                or new_customers_won is null
                or new_customers_won < 0
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
