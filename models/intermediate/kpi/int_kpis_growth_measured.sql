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
        {{ kpi_columns('expansion_conversion_rate',
            'expansion opportunities closed in the period: won / closed',
            'avg(case when is_won then 1.0 else 0.0 end)', 'count(*)',
            needs=['crm_opportunities']) }}
    from pipeline
    where is_closed and close_date >= {{ kpi_period_start() }}

),

velocity as (

    select
        {{ kpi_columns('pipeline_velocity_improvement',
            '1 - mean days from created to won of opportunities won in the period / that of the'
            ~ ' 12 months before',
            kpi_improvement('days_to_close', 'close_date'), 'count(*)',
            needs=['crm_opportunities']) }}
    from pipeline
    where is_won and close_date >= {{ kpi_prior_period_start() }}

),

time_to_value as (

    select
        {{ kpi_columns('time_to_value_improvement',
            '1 - mean days to first value of the contracts started in the period / that of the'
            ~ ' contracts started in the 12 months before (accounts that reached first value)',
            kpi_improvement('time_to_first_value_days', 'contract_start_date'),
            'count(time_to_first_value_days)') }}
    from onboarding
    where contract_start_date >= {{ kpi_prior_period_start() }}

),

final as (

    select * from conversion
    union all
    select * from velocity
    union all
    select * from time_to_value

)

select * from final
