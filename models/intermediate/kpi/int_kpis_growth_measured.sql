{%- set period_start = as_of_window_start(12) %}
{%- set prior_start = as_of_window_start(24) %}

with

pipeline as (

    select
        is_closed,
        is_won,
        days_to_close,
        close_date
    from {{ ref('int_expansion_opportunities_attributed') }}

),

onboarding as (

    select
        first_start_date as contract_start_date,
        {{ dbt.datediff('first_start_date', 'first_value_date', 'day') }}
            as time_to_first_value_days
    from {{ ref('int_accounts_first_dates') }}

),

conversion as (

    select
        'expansion_conversion_rate' as kpi_name,
        'expansion opportunities closed in the period: won / closed' as computation,
        avg(case when is_won then 1.0 else 0.0 end) as actual_value,
        count(*) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from pipeline
    where is_closed and close_date >= {{ period_start }}

),

velocity as (

    select
        'pipeline_velocity_improvement' as kpi_name,
        '1 - mean days from created to won of opportunities won in the period / that of the'
        || ' 12 months before' as computation,
        {{ kpi_improvement('days_to_close', 'close_date', period_start) }} as actual_value,
        count(*) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from pipeline
    where is_won and close_date >= {{ prior_start }}

),

time_to_value as (

    select
        'time_to_value_improvement' as kpi_name,
        '1 - mean days to first value of the contracts started in the period / that of the'
        || ' contracts started in the 12 months before (accounts that reached first value)'
            as computation,
        {{ kpi_improvement('time_to_first_value_days', 'contract_start_date', period_start) }}
            as actual_value,
        count(time_to_first_value_days) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from onboarding
    where contract_start_date >= {{ prior_start }}

),

final as (

    select * from conversion
    union all
    select * from velocity
    union all
    select * from time_to_value

)

select * from final
