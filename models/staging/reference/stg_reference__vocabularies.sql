{{ config(
    post_hook="{{ fail_on_conflicting_copies(['vocabulary_domain', 'vocabulary_value']) }}"
) }}

with

source as (

    select * from {{ checked_source(source('reference', 'vocabularies')) }}

),

renamed as (

    select
        {{ clean_enum('domain') }} as vocabulary_domain,
        {{ clean_enum('value') }} as vocabulary_value,
        {{ clean_enum('standard_value') }} as standard_value
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            ['vocabulary_domain', 'vocabulary_value'],
            order_by=['standard_value']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules(['vocabulary_domain', 'vocabulary_value']) }}
            when
                vocabulary_domain not in (
                    {%- for domain in vocabulary_columns() %}
                        '{{ domain }}'{{ ',' if not loop.last }}
                    {%- endfor %}
                )
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
