with

accuracy_checks as (

    select * from {{ ref('int_dq_accuracy_measured') }}

),

completeness_checks as (

    select * from {{ ref('int_dq_completeness_measured') }}

),

consistency_checks as (

    select * from {{ ref('int_dq_consistency_measured') }}

),

freshness_checks as (

    select * from {{ ref('int_dq_freshness_measured') }}

),

customer_matching_checks as (

    select * from {{ ref('int_dq_customer_matching_measured') }}

),

checks as (

    select * from accuracy_checks
    union all
    select * from completeness_checks
    union all
    select * from consistency_checks
    union all
    select * from freshness_checks
    union all
    select * from customer_matching_checks

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
