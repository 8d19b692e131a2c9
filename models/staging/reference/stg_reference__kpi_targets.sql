with

source as (

    select
        kpi_name,
        target_value,
        comparison,
        unit,
        description
    from {{ checked_source(source('reference', 'kpi_targets')) }}

),

renamed as (

    select
        {{ clean_enum('kpi_name') }} as kpi_name,
        {{ clean_string('comparison') }} as comparison,
        {{ clean_enum('unit') }} as target_unit,
        {{ clean_string('description') }} as kpi_description,
        cast(target_value as decimal(18, 4)) as target_value
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by kpi_name
            order by target_value nulls last, comparison nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when kpi_name is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when
                target_value is null
                or comparison is null
                or comparison not in ('>=', '>', '<=', '<', '=')
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
