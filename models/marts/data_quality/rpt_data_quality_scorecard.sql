with

raw_table_checks as (

    select
        {{ dq_check_columns() | join(',\n        ') }}
    from {{ ref('int_dq_raw_checks_unioned') }}

),

usable_row_checks as (

    select
        {{ dq_check_columns() | join(',\n        ') }}
    from {{ ref('int_dq_usable_checks_unioned') }}

),

checks as (

    select * from raw_table_checks
    union all
    select * from usable_row_checks

),

final as (

    select
        checks.*,
        -- Every check is asserted by the dq_checks_pass test of its measurement model, whose
        -- severity is error (a failing check stops the build).
        cast('error' as {{ dbt.type_string() }}) as severity,
        {{ as_of_date() }} as as_of_date
    from checks

)

select * from final
