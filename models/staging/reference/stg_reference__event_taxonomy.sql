{{ config(post_hook="{{ fail_on_conflicting_copies(['event_name']) }}") }}

with

source as (

    select * from {{ checked_source(source('reference', 'event_taxonomy')) }}

),

renamed as (

    select
        {{ clean_enum('event_name') }} as event_name,
        {{ clean_enum('feature') }} as feature,
        {{ clean_enum('role') }} as event_role,
        coalesce(cast(is_core_feature as {{ dbt.type_boolean() }}), false) as is_core_feature
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'event_name',
            order_by=['event_role', 'feature', 'is_core_feature']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('event_name') }}
            when
                event_role is not null
                and event_role not in (
                    {%- for event_role in event_roles() %}
                        '{{ event_role }}'{{ ',' if not loop.last }}
                    {%- endfor %}
                )
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
