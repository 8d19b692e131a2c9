{%- set ttv_target_days = var('ttv_target_days') %}

with

first_dates as (

    select
        account_id,
        first_start_date,
        first_paid_month,
        milestone_value_date,
        first_value_date
    from {{ ref('int_accounts_first_dates') }}

),

measured as (

    select
        account_id,
        first_start_date as contract_start_date,
        first_paid_month,
        first_value_date,
        case
            when first_value_date is null then null
            when first_value_date = milestone_value_date then 'milestone'
            else 'workflow'
        end as first_value_source,
        {{ dbt.datediff('first_start_date', 'first_value_date', 'day') }}
            as time_to_first_value_days,
        {{ dbt.datediff('first_start_date', as_of_date(), 'day') }}
            as days_since_contract_start
    from first_dates

),

final as (

    select
        account_id,
        first_value_source,
        cast(time_to_first_value_days as {{ dbt.type_bigint() }}) as time_to_first_value_days,
        cast(days_since_contract_start as {{ dbt.type_bigint() }}) as days_since_contract_start,
        case
            when time_to_first_value_days is not null
                then time_to_first_value_days <= {{ ttv_target_days }}
            when days_since_contract_start >= {{ ttv_target_days }} then false
        end as is_ttv_on_target,
        contract_start_date,
        cast({{ dbt.date_trunc('month', 'contract_start_date') }} as date)
            as onboarding_cohort_month,
        first_paid_month,
        first_value_date
    from measured

)

select * from final
