with

acquisition_costs as (

    select
        month_start_date,
        segment,
        sales_marketing_spend_usd,
        new_customers_won,
        rejection_reason
    from {{ ref('stg_reference__acquisition_costs') }}

),

final as (

    select
        acquisition_costs.month_start_date,
        acquisition_costs.segment,
        acquisition_costs.sales_marketing_spend_usd,
        acquisition_costs.new_customers_won
    from acquisition_costs
    where {{ final_rejection_reason('acquisition_costs', 'acquisition_costs') }} is null

)

select * from final
