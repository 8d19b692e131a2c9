with

source as (

    select * from {{ checked_source(source('crm', 'crm_opportunities')) }}

),

renamed as (

    select
        {{ clean_string('opportunity_id') }} as opportunity_id,
        {{ clean_string('account_id') }} as account_id,
        {{ clean_enum('opportunity_type') }} as opportunity_type,
        {{ clean_enum('stage') }} as opportunity_stage,
        {{ clean_enum('source.source') }} as opportunity_source,
        {{ clean_currency_code('currency') }} as currency,
        cast(amount as decimal(18, 2)) as amount,
        cast(is_closed as {{ dbt.type_boolean() }}) as is_closed,
        cast(is_won as {{ dbt.type_boolean() }}) as is_won,
        cast(close_date as date) as close_date,
        cast({{ utc_instant('created_at') }} as {{ dbt.type_timestamp() }}) as created_at
    from source

),

ranked as (

    select
        *,
        {{ duplicate_rank(
            'opportunity_id',
            order_by=['created_at', 'close_date', 'amount']
        ) }} as duplicate_rank
    from renamed

),

final as (

    select
        *,
        case
            {{ key_rejection_rules('opportunity_id', account_column='account_id') }}
            when amount < 0 then 'negative_amount'
            when created_at >= {{ future_timestamp_cutoff() }} then 'future_timestamp'
            when
                opportunity_type is null
                or currency is null
                or (is_won and not is_closed)
                then 'invalid_value'
        end as rejection_reason
    from ranked

)

select * from final
