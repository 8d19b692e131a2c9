with

base_acquisition_costs as (

    select
        month_start_date,
        segment,
        sales_marketing_spend_usd,
        new_customers_won,
        rejection_reason
    from {{ ref('base_reference__acquisition_costs') }}

),

final as (

    select
        month_start_date,
        segment,
        sales_marketing_spend_usd,
        new_customers_won
    from base_acquisition_costs
    where rejection_reason is null

)

select * from final
