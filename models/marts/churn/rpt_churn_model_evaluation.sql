with

evaluated_models as (

    select * from {{ ref('int_churn_models_evaluated') }}

),

final as (

    select
        cast(evaluation_row_id as {{ dbt.type_string() }}) as evaluation_row_id,
        cast(scorer as {{ dbt.type_string() }}) as scorer,
        cast(row_type as {{ dbt.type_string() }}) as row_type,
        cast(decile as {{ type_double() }}) as decile,
        cast(n as {{ dbt.type_bigint() }}) as n,
        cast(positives as {{ type_double() }}) as positives,
        cast(roc_auc as {{ type_double() }}) as roc_auc,
        cast(top_decile_n as {{ type_double() }}) as top_decile_n,
        cast(top_decile_lift as {{ type_double() }}) as top_decile_lift,
        cast(flagged as {{ type_double() }}) as flagged,
        -- a keyword, but the report's published column name
        cast(precision as {{ type_double() }}) as precision,  -- noqa: RF04
        cast(recall as {{ type_double() }}) as recall,
        cast(brier_score as {{ type_double() }}) as brier_score,
        cast(mean_score as {{ type_double() }}) as mean_score,
        cast(observed_rate as {{ type_double() }}) as observed_rate,
        cast(train_rows as {{ dbt.type_bigint() }}) as train_rows,
        cast(train_positives as {{ dbt.type_bigint() }}) as train_positives,
        cast(train_first_date as date) as train_first_date,
        cast(train_last_date as date) as train_last_date,
        cast(test_rows as {{ dbt.type_bigint() }}) as test_rows,
        cast(test_positives as {{ dbt.type_bigint() }}) as test_positives,
        cast(test_first_date as date) as test_first_date,
        cast(test_last_date as date) as test_last_date,
        cast(cutoff_date as date) as cutoff_date
    from evaluated_models

)

select * from final
