-- Monthly reference rows are keyed by the first day of their month.
with

fx_rates as (

    select
        'int_fx_rates_validated' as model_name,
        month_start_date
    from {{ ref('int_fx_rates_validated') }}

),

acquisition_costs as (

    select
        'int_acquisition_costs_validated' as model_name,
        month_start_date
    from {{ ref('int_acquisition_costs_validated') }}

),

months as (

    select
        model_name,
        month_start_date
    from fx_rates

    union all

    select
        model_name,
        month_start_date
    from acquisition_costs

),

not_month_starts as (

    select
        model_name,
        month_start_date
    from months
    where cast({{ dbt.date_trunc('month', 'month_start_date') }} as date) != month_start_date

)

select * from not_month_starts
