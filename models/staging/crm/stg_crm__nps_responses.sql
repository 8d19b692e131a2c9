with

source as (

    select * from {{ checked_source(source('crm', 'crm_nps_responses')) }}

),

renamed as (

    select
        {{ clean_string('response_id') }} as response_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('contact_id') }} as contact_id,
        cast(score as {{ dbt.type_int() }}) as nps_score,
        cast({{ utc_instant('submitted_at') }} as {{ dbt.type_timestamp() }}) as submitted_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'response_id',
            order_by=['submitted_at', 'nps_score', 'contact_id']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('response_id', account_column='account_id') }}
            when submitted_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when
                nps_score is null
                or nps_score not between 0 and 10
                or submitted_at is null
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
