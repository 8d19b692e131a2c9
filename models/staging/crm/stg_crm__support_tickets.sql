with

source as (

    select * from {{ checked_source(source('crm', 'crm_support_tickets')) }}

),

renamed as (

    select
        {{ clean_string('ticket_id') }} as ticket_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_string('contact_id') }} as contact_id,
        {{ clean_enum('priority') }} as priority,
        {{ clean_enum('status') }} as ticket_status,
        cast(csat_rating as {{ dbt.type_int() }}) as csat_rating,
        cast(is_escalated as {{ dbt.type_boolean() }}) as is_escalated,
        cast({{ utc_instant('created_at') }} as {{ dbt.type_timestamp() }}) as created_at,
        cast({{ utc_instant('first_response_at') }} as {{ dbt.type_timestamp() }})
            as first_response_at,
        cast({{ utc_instant('solved_at') }} as {{ dbt.type_timestamp() }}) as solved_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'ticket_id',
            order_by=['created_at', 'solved_at', 'priority']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('ticket_id', account_column='account_id') }}
            when solved_at < created_at or first_response_at < created_at then 'invalid_period'
            when created_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when csat_rating not between 1 and 5 or created_at is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
