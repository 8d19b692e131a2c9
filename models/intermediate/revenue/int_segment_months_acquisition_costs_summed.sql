with

acquisition_costs as (

    select
        month_start_date,
        segment,
        sales_marketing_spend_usd,
        new_customers_won
    from {{ ref('int_acquisition_costs_validated') }}

),

costs_by_segment as (

    select * from acquisition_costs

    union all

    select
        month_start_date,
        'all' as segment,
        sum(sales_marketing_spend_usd) as sales_marketing_spend_usd,
        sum(new_customers_won) as new_customers_won
    from acquisition_costs
    group by month_start_date

),

final as (

    select
        {{ compound_id(['month_start_date', 'segment']) }} as segment_month_id,
        segment,
        sales_marketing_spend_usd,
        new_customers_won,
        month_start_date
    from costs_by_segment

)

select * from final
