{#-
    Data-quality targets (SPEC section 8) on a measurement model (one row per check, see
    dq_measure): fails with one row per check whose status is fail, naming the checked model,
    column, measured ratio, comparison and threshold (result_message says it in words). A check
    with nothing to measure (no_data) passes. The failing rows are stored as a view in the
    schema data_quality, so dbt's failure output shows where to read them.
-#}
{% test dq_checks_pass(model) %}
{{ config(store_failures_as='view', schema='data_quality') }}

with

failed_checks as (

    select
        check_id,
        model_name,
        column_name,
        check_name,
        measured_ratio,
        comparison,
        threshold,
        failing_count,
        denominator,
        unit,
        check_rule
    from {{ model }}
    where status = 'fail'

),

final as (

    select
        failed_checks.*,
        {{ dbt.concat([
            'model_name',
            "coalesce('.' || column_name, '')",
            "': '",
            'check_name',
            "' measured '",
            'cast(measured_ratio as ' ~ dbt.type_string() ~ ')',
            "', target '",
            'comparison',
            "' '",
            'cast(threshold as ' ~ dbt.type_string() ~ ')',
            "' ('",
            'cast(failing_count as ' ~ dbt.type_string() ~ ')',
            "' of '",
            'cast(denominator as ' ~ dbt.type_string() ~ ')',
            "' '",
            'unit',
            "' fail: '",
            'check_rule',
            "')'",
        ]) }} as result_message
    from failed_checks

)

select * from final

{% endtest %}
