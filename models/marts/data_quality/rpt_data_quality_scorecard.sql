with

raw_table_checks as (

    select * from {{ ref('int_dq_raw_checks_unioned') }}

),

usable_row_checks as (

    select * from {{ ref('int_dq_usable_checks_unioned') }}

),

checks as (

    select * from raw_table_checks
    union all
    select * from usable_row_checks

),

final as (

    select
        check_id,
        dimension,
        check_name,
        resource_type,
        model_name,
        column_name,
        check_rule,
        unit,
        status,
        -- Every check is asserted by the dq_checks_pass test of its measurement model, whose
        -- severity is error (a failing check stops the build).
        cast('error' as {{ dbt.type_string() }}) as severity,
        comparison,
        numerator,
        denominator,
        failing_count,
        measured_ratio,
        threshold,
        {{ as_of_date() }} as as_of_date
    from checks

)

select * from final
