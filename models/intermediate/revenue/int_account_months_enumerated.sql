with

accounts as (

    select
        account_id,
        first_start_month
    from {{ ref('int_accounts_started') }}

),

first_month as (

    select min(first_start_month) as month_start_date
    from accounts

),

month_numbers as (

    {{ dbt.generate_series(var('revenue_max_months')) }}

),

months as (

    select
        cast(
            {{ dbt.dateadd('month', 'month_numbers.generated_number - 1',
                'first_month.month_start_date') }} as date
        ) as month_start_date
    from month_numbers
    cross join first_month

),

calendar_months as (

    select
        months.month_start_date,
        -- The state is read at the end of the month, or at the end of the as-of date in the
        -- as-of month (never after it).
        case
            when months.month_start_date = {{ as_of_month() }}
                then {{ as_of_period_end() }}
            else {{ dbt.cast(dbt.dateadd('month', 1, 'months.month_start_date'),
                dbt.type_timestamp()) }}
        end as period_end_at
    from months
    where months.month_start_date <= {{ as_of_month() }}

),

final as (

    select
        {{ compound_id(['accounts.account_id', 'calendar_months.month_start_date']) }}
            as account_month_id,
        accounts.account_id,
        calendar_months.month_start_date,
        calendar_months.period_end_at
    from accounts
    inner join calendar_months
        on accounts.first_start_month <= calendar_months.month_start_date

)

select * from final
