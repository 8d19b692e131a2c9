with

source as (

    select * from {{ checked_source(source('crm', 'crm_interventions')) }}

),

renamed as (

    select
        {{ clean_string('intervention_id') }} as intervention_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_enum('trigger_reason') }} as trigger_reason,
        {{ clean_enum('playbook') }} as playbook,
        {{ clean_enum('outcome') }} as outcome,
        cast({{ utc_instant('opened_at') }} as {{ dbt.type_timestamp() }}) as opened_at,
        cast({{ utc_instant('first_action_at') }} as {{ dbt.type_timestamp() }}) as first_action_at,
        cast({{ utc_instant('closed_at') }} as {{ dbt.type_timestamp() }}) as closed_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'intervention_id',
            order_by=['opened_at', 'trigger_reason', 'closed_at']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('intervention_id', account_column='account_id') }}
            when closed_at < opened_at or first_action_at < opened_at then 'invalid_period'
            when opened_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when trigger_reason is null or opened_at is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
