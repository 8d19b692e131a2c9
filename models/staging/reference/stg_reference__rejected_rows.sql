{#- Every rejected raw row of the reference system, one row each, with its reason. -#}

with

base_fx_rates as (

    select
        currency,
        month_start_date,
        rejection_reason
    from {{ ref('base_reference__fx_rates') }}
    where rejection_reason is not null

),

base_acquisition_costs as (

    select
        month_start_date,
        segment,
        rejection_reason
    from {{ ref('base_reference__acquisition_costs') }}
    where rejection_reason is not null

),

base_kpi_targets as (

    select
        kpi_name,
        rejection_reason
    from {{ ref('base_reference__kpi_targets') }}
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
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_fx_rates

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
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_acquisition_costs

    union all

    select
        cast('kpi_targets' as {{ dbt.type_string() }}) as source_table,
        cast(kpi_name as {{ dbt.type_string() }}) as record_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_kpi_targets

),

final as (

    select
        source_table,
        record_id,
        account_id,
        rejection_reason
    from unioned

)

select * from final
