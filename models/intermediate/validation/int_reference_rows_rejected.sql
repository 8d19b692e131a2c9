with

fx_rates as (

    select
        currency,
        month_start_date,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_reference__fx_rates') }}
    where rejection_reason is not null

),

acquisition_costs as (

    select
        month_start_date,
        segment,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_reference__acquisition_costs') }}
    where rejection_reason is not null

),

kpi_targets as (

    select
        kpi_name,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_reference__kpi_targets') }}
    where rejection_reason is not null

),

unioned as (

    select
        cast('fx_rates' as {{ dbt.type_string() }}) as source_table,
        case
            when currency is not null and month_start_date is not null
                then {{ dbt.concat([
                    'cast(currency as ' ~ dbt.type_string() ~ ')',
                    "'|'",
                    'cast(month_start_date as ' ~ dbt.type_string() ~ ')'
                ]) }}
        end as record_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        duplicate_rank,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from fx_rates

    union all

    select
        cast('acquisition_costs' as {{ dbt.type_string() }}) as source_table,
        case
            when month_start_date is not null and segment is not null
                then {{ dbt.concat([
                    'cast(month_start_date as ' ~ dbt.type_string() ~ ')',
                    "'|'",
                    'cast(segment as ' ~ dbt.type_string() ~ ')'
                ]) }}
        end as record_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        duplicate_rank,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from acquisition_costs

    union all

    select
        cast('kpi_targets' as {{ dbt.type_string() }}) as source_table,
        cast(kpi_name as {{ dbt.type_string() }}) as record_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        duplicate_rank,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from kpi_targets

),

final as (

    select
        source_table,
        record_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from unioned

)

select * from final
