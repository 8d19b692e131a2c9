with

day_numbers as (

    {{ dbt.generate_series(var('time_spine_days')) }}

),

final as (

    select
        cast(
            {{ dbt.dateadd('day', '1 - day_numbers.generated_number', as_of_date()) }} as date
        ) as date_day
    from day_numbers

)

select * from final
