with

source as (

    select
        response_id,
        account_id,
        contact_id,
        score,
        submitted_at
    from {{ checked_source(source('crm', 'crm_nps_responses')) }}

),

renamed as (

    select
        {{ clean_string('response_id') }} as response_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('contact_id') }} as contact_id,
        cast(score as {{ dbt.type_int() }}) as nps_score,
        cast(submitted_at as {{ dbt.type_timestamp() }}) as submitted_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by response_id
            order by submitted_at nulls last, nps_score nulls last, contact_id nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when response_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
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
