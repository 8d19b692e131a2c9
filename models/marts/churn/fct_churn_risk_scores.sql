with

scored_accounts as (

    select * from {{ ref('int_accounts_churn_scored') }}

),

final as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(observation_date as date) as observation_date,
        cast(churn_probability as {{ type_double() }}) as churn_probability,
        cast(risk_band as {{ dbt.type_string() }}) as risk_band,
        cast(health_score as {{ type_double() }}) as health_score,
        cast(driver_1_feature as {{ dbt.type_string() }}) as driver_1_feature,
        cast(driver_1_contribution as {{ type_double() }}) as driver_1_contribution,
        cast(driver_1_direction as {{ dbt.type_string() }}) as driver_1_direction,
        cast(driver_2_feature as {{ dbt.type_string() }}) as driver_2_feature,
        cast(driver_2_contribution as {{ type_double() }}) as driver_2_contribution,
        cast(driver_2_direction as {{ dbt.type_string() }}) as driver_2_direction,
        cast(driver_3_feature as {{ dbt.type_string() }}) as driver_3_feature,
        cast(driver_3_contribution as {{ type_double() }}) as driver_3_contribution,
        cast(driver_3_direction as {{ dbt.type_string() }}) as driver_3_direction,
        cast(model_cutoff_date as date) as model_cutoff_date,
        cast(model_train_rows as {{ dbt.type_bigint() }}) as model_train_rows
    from scored_accounts

)

select * from final
