{%- set measured_areas = ['revenue', 'health', 'outcomes', 'growth'] %}

with

targets as (

    select
        kpi_name,
        target_value,
        comparison,
        target_unit,
        kpi_description
    from {{ ref('int_kpi_targets_validated') }}

),

evaluation as (

    select
        scorer,
        row_type,
        n,
        roc_auc,
        test_first_date,
        test_last_date
    from {{ ref('rpt_churn_model_evaluation') }}

),

{%- for area in measured_areas %}

    {{ area }} as (

        select
            kpi_name,
            computation,
            actual_value,
            sample_size,
            period_start_date
        from {{ ref('int_kpis_' ~ area ~ '_measured') }}

    ),
{%- endfor %}

health_auc as (

    select
        'health_score_precision' as kpi_name,
        'ROC AUC of the health score (lower = riskier) against churn within the horizon, on'
        || ' the out-of-time test observations of rpt_churn_model_evaluation' as computation,
        max(roc_auc) as actual_value,
        max(n) as sample_size,
        max(test_first_date) as period_start_date
    from evaluation
    where scorer = 'health_score' and row_type = 'summary'

),

actuals as (

    {%- for area in measured_areas %}
        select * from {{ area }}
        union all
    {%- endfor %}
    select * from health_auc

),

final as (

    select
        targets.kpi_name,
        targets.kpi_description,
        actuals.computation,
        targets.comparison,
        targets.target_unit,
        cast(targets.target_value as decimal(18, 4)) as target_value,
        cast(actuals.actual_value as decimal(18, 4)) as actual_value,
        cast(actuals.sample_size as {{ dbt.type_bigint() }}) as sample_size,
        case
            when actuals.actual_value is null then 'no data'
            when targets.comparison = '>=' and actuals.actual_value >= targets.target_value
                then 'met'
            when targets.comparison = '>' and actuals.actual_value > targets.target_value
                then 'met'
            when targets.comparison = '<=' and actuals.actual_value <= targets.target_value
                then 'met'
            when targets.comparison = '<' and actuals.actual_value < targets.target_value
                then 'met'
            else 'not met'
        end as kpi_status,
        actuals.period_start_date,
        {{ as_of_date() }} as period_end_date
    from targets
    left join actuals
        on targets.kpi_name = actuals.kpi_name

)

select * from final
