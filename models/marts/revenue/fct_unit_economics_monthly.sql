with

retention as (

    select
        month_start_date,
        segment,
        accounts_at_start,
        churned_accounts,
        new_accounts,
        new_mrr_usd,
        arpa_usd
    from {{ ref('int_segment_months_retention_measured') }}

),

costs_by_segment as (

    select
        month_start_date,
        segment,
        sales_marketing_spend_usd,
        new_customers_won
    from {{ ref('int_segment_months_acquisition_costs_summed') }}

),

windowed as (

    select
        *,
        sum(churned_accounts) over t12m as churned_accounts_t12m,
        sum(accounts_at_start) over t12m as accounts_at_start_t12m,
        count(*) over t12m as months_in_window
    from retention
    window t12m as (
        partition by segment
        order by month_start_date
        rows between 11 preceding and current row
    )

),

combined as (

    select
        windowed.*,
        costs_by_segment.sales_marketing_spend_usd,
        costs_by_segment.new_customers_won,
        case
            when windowed.months_in_window = 12
                then
                    windowed.churned_accounts_t12m * 1.0
                    / nullif(windowed.accounts_at_start_t12m, 0)
        end as logo_churn_rate_t12m,
        {{ var('gross_margin') }} as gross_margin
    from windowed
    left join costs_by_segment
        on {{ join_on_keys('windowed', 'costs_by_segment', ['month_start_date', 'segment']) }}

),

final as (

    select
        {{ compound_id(['month_start_date', 'segment']) }} as unit_economics_month_id,
        segment,
        cast(new_accounts as {{ dbt.type_bigint() }}) as new_accounts,
        cast(new_customers_won as {{ dbt.type_bigint() }}) as new_customers_won,
        cast(gross_margin as decimal(18, 4)) as gross_margin,
        arpa_usd,
        cast(logo_churn_rate_t12m as decimal(18, 6)) as logo_churn_rate_t12m,
        cast(
            arpa_usd * gross_margin / nullif(logo_churn_rate_t12m, 0) as decimal(18, 2)
        ) as clv_usd,
        cast(sales_marketing_spend_usd as decimal(18, 2)) as sales_marketing_spend_usd,
        cast(
            sales_marketing_spend_usd / nullif(new_customers_won, 0) as decimal(18, 2)
        ) as cac_usd,
        new_mrr_usd,
        cast(
            sales_marketing_spend_usd / nullif(new_mrr_usd * gross_margin, 0)
            as decimal(18, 2)
        ) as cac_payback_months,
        month_start_date
    from combined

)

select * from final
