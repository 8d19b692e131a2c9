with

kpi_targets as (

    select
        kpi_name,
        comparison,
        target_unit,
        kpi_description,
        target_value,
        rejection_reason
    from {{ ref('stg_reference__kpi_targets') }}

),

final as (

    select
        kpi_targets.kpi_name,
        kpi_targets.comparison,
        kpi_targets.target_unit,
        kpi_targets.kpi_description,
        kpi_targets.target_value
    from kpi_targets
    where {{ final_rejection_reason('kpi_targets', 'kpi_targets') }} is null

)

select * from final
