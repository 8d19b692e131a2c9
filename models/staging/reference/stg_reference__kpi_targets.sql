with

base_kpi_targets as (

    select
        kpi_name,
        comparison,
        target_unit,
        kpi_description,
        target_value,
        rejection_reason
    from {{ ref('base_reference__kpi_targets') }}

),

final as (

    select
        kpi_name,
        comparison,
        target_unit,
        kpi_description,
        target_value
    from base_kpi_targets
    where rejection_reason is null

)

select * from final
