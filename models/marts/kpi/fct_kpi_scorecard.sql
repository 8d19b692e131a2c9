{#-
    KPI scorecard (SPEC section 7): one row per KPI of the `kpi_targets` seed, with how it is
    computed here, its target, the actual value computed from the marts, the period it covers
    and its status: met, not met, or no data (nothing to measure in the period). Never
    hard-coded: every actual is a query over the marts. The period is the 12 months ending at
    var('as_of_date') unless the definition says otherwise; outcomes that need 90 days of
    future (interventions) use the interventions opened in the 12 months whose 90 days are
    observed; the health-score AUC uses the out-of-time test period of the churn evaluation.
-#}

{%- set period_start = dbt.dateadd('day', 1, dbt.dateadd('month', -12, as_of_date())) %}
{%- set prior_start = dbt.dateadd('day', 1, dbt.dateadd('month', -24, as_of_date())) %}

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

retention as (

    select
        month_start_date,
        segment,
        accounts_at_start,
        churned_accounts,
        nrr_t12m
    from {{ ref('fct_retention_monthly') }}

),

health_daily as (

    select
        account_id,
        health_date,
        health_score
    from {{ ref('fct_account_health_daily') }}

),

health_monthly as (

    select
        account_id,
        month_start_date,
        health_date,
        health_score,
        health_tier,
        previous_health_score
    from {{ ref('fct_account_health_monthly') }}

),

evaluation as (

    select
        scorer,
        row_type,
        n,
        roc_auc,
        test_first_date,
        test_last_date
    from {{ ref('fct_churn_model_evaluation') }}

),

interventions as (

    select
        is_success,
        is_saved,
        recovery_time_days,
        health_score_at_opening,
        opened_date
    from {{ ref('fct_interventions') }}

),

alerts as (

    select
        response_time_hours,
        alert_date
    from {{ ref('fct_health_alerts') }}

),

pipeline as (

    select
        is_closed,
        is_won,
        days_to_close,
        close_date
    from {{ ref('fct_expansion_pipeline') }}

),

onboarding as (

    select
        time_to_first_value_days,
        contract_start_date
    from {{ ref('fct_onboarding') }}

),

nrr as (

    select
        'net_revenue_retention' as kpi_name,
        'nrr_t12m of fct_retention_monthly, all segments, in the as-of month' as computation,
        max(nrr_t12m) as actual_value,
        cast(null as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from retention
    where
        segment = 'all'
        and month_start_date = {{ dbt.date_trunc('month', as_of_date()) }}

),

churn_events as (

    -- A churn: the last day an account is scored (live) before a day it is not, within the
    -- period; the churn date is the day after.
    select
        health_daily.account_id,
        cast({{ dbt.dateadd('day', 1, 'health_daily.health_date') }} as date) as churn_date
    from health_daily
    left join health_daily as next_day
        on
            health_daily.account_id = next_day.account_id
            and next_day.health_date = {{ dbt.dateadd('day', 1, 'health_daily.health_date') }}
    where
        next_day.account_id is null
        and health_daily.health_date < {{ as_of_date() }}
        and health_daily.health_date >= {{ period_start }}

),

early_warnings as (

    select
        churn_events.account_id,
        churn_events.churn_date,
        max(case when health_daily.health_score < 70 then 1 else 0 end) as was_flagged
    from churn_events
    left join health_daily
        on
            churn_events.account_id = health_daily.account_id
            and health_daily.health_date
            >= {{ dbt.dateadd('day', -90, 'churn_events.churn_date') }}
            and health_daily.health_date
            <= {{ dbt.dateadd('day', -30, 'churn_events.churn_date') }}
    group by
        churn_events.account_id,
        churn_events.churn_date

),

early_warning as (

    select
        'early_warning_accuracy' as kpi_name,
        'churns in the period whose health was orange or red (< 70) on some day 30 to 90 days'
        || ' before the churn date / churns' as computation,
        avg(cast(was_flagged as {{ dbt.type_float() }})) as actual_value,
        count(*) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from early_warnings

),

health_auc as (

    select
        'health_score_precision' as kpi_name,
        'ROC AUC of the health score (lower = riskier) against churn within the horizon, on'
        || ' the out-of-time test observations of fct_churn_model_evaluation' as computation,
        max(roc_auc) as actual_value,
        max(n) as sample_size,
        max(test_first_date) as period_start_date
    from evaluation
    where scorer = 'health_score' and row_type = 'summary'

),

trend_predictions as (

    -- Predicted next month-end score = score + this month's change (linear trend), clamped.
    select
        this_month.health_tier as current_tier,
        next_month.health_tier as actual_next_tier,
        case
            when this_month.previous_health_score is null then this_month.health_score
            when 2 * this_month.health_score - this_month.previous_health_score > 100 then 100
            when 2 * this_month.health_score - this_month.previous_health_score < 0 then 0
            else 2 * this_month.health_score - this_month.previous_health_score
        end as predicted_next_score
    from health_monthly as this_month
    inner join health_monthly as next_month
        on
            this_month.account_id = next_month.account_id
            and next_month.month_start_date
            = {{ dbt.dateadd('month', 1, 'this_month.month_start_date') }}
    where this_month.health_date >= {{ period_start }}

),

trend as (

    select
        'trend_prediction_accuracy' as kpi_name,
        'month-ends in the period whose next month-end tier equals the tier of score + last'
        || ' month-over-month change / month-ends with a next month-end' as computation,
        avg(
            case
                when {{ health_tier('predicted_next_score') }} = actual_next_tier then 1.0
                else 0.0
            end
        ) as actual_value,
        count(*) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from trend_predictions

),

churn_reduction as (

    select
        'churn_reduction_yoy' as kpi_name,
        '1 - logo churn rate of the last 12 months / that of the 12 months before (churned /'
        || ' accounts at start, summed over the months, all segments)' as computation,
        1 - (
            sum(case when month_start_date >= {{ period_start }} then churned_accounts end)
            * 1.0
            / nullif(
                sum(case when month_start_date >= {{ period_start }} then accounts_at_start end),
                0
            )
        ) / nullif(
            sum(case when month_start_date < {{ period_start }} then churned_accounts end)
            * 1.0
            / nullif(
                sum(case when month_start_date < {{ period_start }} then accounts_at_start end),
                0
            ),
            0
        ) as actual_value,
        sum(churned_accounts) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from retention
    where segment = 'all' and month_start_date >= {{ prior_start }}

),

observed_interventions as (

    select
        is_success,
        is_saved,
        recovery_time_days,
        health_score_at_opening
    from interventions
    where opened_date >= {{ period_start }}

),

intervention_success as (

    select
        'intervention_success_rate' as kpi_name,
        'interventions opened in the period with day 90 observed: live on day 90 with health'
        || ' >= 70 / all of them' as computation,
        avg(case when is_success then 1.0 when not is_success then 0.0 end) as actual_value,
        count(is_success) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from observed_interventions

),

save_rate as (

    select
        'save_rate' as kpi_name,
        'cancellation requests opened in the period with day 90 observed that are still live'
        || ' on day 90 / all of them' as computation,
        avg(case when is_saved then 1.0 when not is_saved then 0.0 end) as actual_value,
        count(is_saved) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from observed_interventions

),

recovery as (

    select
        'recovery_time_days' as kpi_name,
        'median days from opening to health back at 70, interventions opened in the period'
        || ' below 70 that recovered by the as-of date' as computation,
        {{ median_of('recovery_time_days') }} as actual_value,
        count(recovery_time_days) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from observed_interventions
    where health_score_at_opening < 70 and recovery_time_days is not null

),

alert_response as (

    select
        'alert_response_hours' as kpi_name,
        'median hours from alert to the first intervention action, alerts in the period with'
        || ' a response within the window' as computation,
        {{ median_of('response_time_hours') }} as actual_value,
        count(response_time_hours) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from alerts
    where alert_date >= {{ period_start }} and response_time_hours is not null

),

conversion as (

    select
        'expansion_conversion_rate' as kpi_name,
        'expansion opportunities closed in the period: won / closed' as computation,
        avg(case when is_won then 1.0 else 0.0 end) as actual_value,
        count(*) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from pipeline
    where is_closed and close_date >= {{ period_start }}

),

velocity as (

    select
        'pipeline_velocity_improvement' as kpi_name,
        '1 - mean days from created to won of opportunities won in the period / that of the'
        || ' 12 months before' as computation,
        1 - avg(case when close_date >= {{ period_start }} then days_to_close end)
        / nullif(avg(case when close_date < {{ period_start }} then days_to_close end), 0)
            as actual_value,
        count(*) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from pipeline
    where is_won and close_date >= {{ prior_start }}

),

time_to_value as (

    select
        'time_to_value_improvement' as kpi_name,
        '1 - mean days to first value of the contracts started in the period / that of the'
        || ' contracts started in the 12 months before (accounts that reached first value)'
            as computation,
        1 - avg(
            case when contract_start_date >= {{ period_start }} then time_to_first_value_days end
        )
        / nullif(
            avg(
                case
                    when contract_start_date < {{ period_start }} then time_to_first_value_days
                end
            ),
            0
        ) as actual_value,
        count(time_to_first_value_days) as sample_size,
        cast({{ period_start }} as date) as period_start_date
    from onboarding
    where contract_start_date >= {{ prior_start }}

),

actuals as (

    select * from nrr
    union all
    select * from early_warning
    union all
    select * from health_auc
    union all
    select * from trend
    union all
    select * from churn_reduction
    union all
    select * from intervention_success
    union all
    select * from save_rate
    union all
    select * from recovery
    union all
    select * from alert_response
    union all
    select * from conversion
    union all
    select * from velocity
    union all
    select * from time_to_value

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
