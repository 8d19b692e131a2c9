with

source_row_checks as (

    select * from {{ ref('int_dq_source_rows_measured') }}

),

source_key_checks as (

    select * from {{ ref('int_dq_source_keys_measured') }}

),

source_freshness_checks as (

    select * from {{ ref('int_dq_source_freshness_measured') }}

),

staging_checks as (

    select * from {{ ref('int_dq_staging_measured') }}

),

checks as (

    select * from source_row_checks
    union all
    select * from source_key_checks
    union all
    select * from source_freshness_checks
    union all
    select * from staging_checks

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
