-- Monthly reference rows are keyed by the first day of their month.
with

fx_rates as (

    select
        'stg_reference__fx_rates' as model_name,
        month_start_date
    from {{ ref('stg_reference__fx_rates') }}

),

acquisition_costs as (

    select
        'stg_reference__acquisition_costs' as model_name,
        month_start_date
    from {{ ref('stg_reference__acquisition_costs') }}

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
