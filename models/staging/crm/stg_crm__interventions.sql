with

source as (

    select
        intervention_id,
        account_id,
        trigger_reason,
        playbook,
        opened_at,
        first_action_at,
        closed_at,
        outcome
    from {{ checked_source(source('crm', 'crm_interventions')) }}

),

renamed as (

    select
        {{ clean_string('intervention_id') }} as intervention_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_enum('trigger_reason') }} as trigger_reason,
        {{ clean_enum('playbook') }} as playbook,
        {{ clean_enum('outcome') }} as outcome,
        cast(opened_at as {{ dbt.type_timestamp() }}) as opened_at,
        cast(first_action_at as {{ dbt.type_timestamp() }}) as first_action_at,
        cast(closed_at as {{ dbt.type_timestamp() }}) as closed_at
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by intervention_id
            order by opened_at nulls last, trigger_reason nulls last, closed_at nulls last
        ) as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            when intervention_id is null then 'missing_primary_key'
            when duplicate_rank > 1 then 'duplicate_primary_key'
            when account_id is null then 'missing_account_id'
            when closed_at < opened_at or first_action_at < opened_at then 'invalid_period'
            when opened_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when trigger_reason is null or opened_at is null then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
