{%- set period_start = kpi_period_start() %}

with

retention as (

    -- Every KPI on retention is measured over all segments.
    select
        month_start_date,
        accounts_at_start,
        churned_accounts,
        nrr_t12m
    from {{ ref('int_segment_months_retention_measured') }}
    where segment = 'all'

),

nrr as (

    select
        'net_revenue_retention' as kpi_name,
        'nrr_t12m of fct_retention_monthly, all segments, in the as-of month' as computation,
        max(nrr_t12m) as actual_value,
        cast(null as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from retention
    where month_start_date = {{ dbt.date_trunc('month', as_of_date()) }}

),

churn_reduction as (

    select
        'churn_reduction_yoy' as kpi_name,
        '1 - logo churn rate of the last 12 months / that of the 12 months before (churned /'
        || ' accounts at start, summed over the months, all segments)' as computation,
        1 - (
            sum(case when month_start_date >= {{ period_start }} then churned_accounts end)
            * 1.0
            / nullif(
                sum(case when month_start_date >= {{ period_start }} then accounts_at_start end),
                0
            )
        ) / nullif(
            sum(case when month_start_date < {{ period_start }} then churned_accounts end)
            * 1.0
            / nullif(
                sum(case when month_start_date < {{ period_start }} then accounts_at_start end),
                0
            ),
            0
        ) as actual_value,
        sum(churned_accounts) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from retention
    where month_start_date >= {{ kpi_prior_period_start() }}

),

final as (

    select * from nrr
    union all
    select * from churn_reduction

)

select * from final
