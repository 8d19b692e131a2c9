{{ config(post_hook="{{ fail_on_conflicting_copies('kpi_name') }}") }}

with

source as (

    select * from {{ checked_source(source('reference', 'kpi_targets')) }}

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
        {{ duplicate_rank(
            'kpi_name',
            order_by=['target_value', 'comparison']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('kpi_name') }}
            when
                target_value is null
                or comparison is null
                or comparison not in ('>=', '>', '<=', '<', '=')
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
