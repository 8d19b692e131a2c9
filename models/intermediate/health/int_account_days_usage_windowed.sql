{%- set core_features = var('core_features') %}
{%- set core_feature_flags = [] %}
{%- for core_feature in core_features %}
    {%- do core_feature_flags.append('used_' ~ core_feature) %}
{%- endfor %}

with

calendar as (

    select * from {{ ref('int_account_days_enumerated') }}

),

usage as (

    select
        account_id,
        activity_date,
        event_count,
        sessions,
        feature_events,
        workflow_starts,
        workflow_completions,
        {%- for core_feature in core_features %}
            used_{{ core_feature }},
        {%- endfor %}
        api_calls
    from {{ ref('int_account_days_usage') }}

),

usage_days as (

    -- The daily facts the windows sum: an active day and each core feature's use as 0 or 1.
    select
        account_id,
        activity_date,
        case when event_count > 0 then 1 else 0 end as active_days,
        sessions,
        feature_events,
        workflow_starts,
        workflow_completions,
        {%- for core_feature in core_features %}
            case when used_{{ core_feature }} then 1 else 0 end as used_{{ core_feature }},
        {%- endfor %}
        api_calls
    from usage

),

windowed as (

    {{ calendar_trailing_sums('usage_days', 'activity_date', {
        30: [
            'active_days', 'sessions', 'feature_events', 'workflow_starts',
            'workflow_completions', 'api_calls',
        ] + core_feature_flags,
    }) }}

),

features_counted as (

    -- Core features used on at least one of the 30 days.
    select
        *,
        (
            {%- for core_feature in core_features %}
                case when used_{{ core_feature }}_30d > 0 then 1 else 0 end
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
        ) as core_features_used_30d
    from windowed

),

with_history as (

    select
        *,
        lag(core_features_used_30d, 30) over by_day as core_features_used_prior_30d,
        lag(api_calls_30d, 30) over by_day as api_calls_prior_30d
    from features_counted
    window by_day as (partition by account_id order by calendar_date)

),

final as (

    select
        account_id,
        cast(active_days_30d as {{ dbt.type_bigint() }}) as active_days_30d,
        cast(sessions_30d as {{ dbt.type_bigint() }}) as sessions_30d,
        cast(feature_events_30d as {{ dbt.type_bigint() }}) as feature_events_30d,
        cast(workflow_starts_30d as {{ dbt.type_bigint() }}) as workflow_starts_30d,
        cast(workflow_completions_30d as {{ dbt.type_bigint() }}) as workflow_completions_30d,
        cast(api_calls_30d as {{ dbt.type_bigint() }}) as api_calls_30d,
        cast(api_calls_prior_30d as {{ dbt.type_bigint() }}) as api_calls_prior_30d,
        cast(core_features_used_30d as {{ dbt.type_bigint() }}) as core_features_used_30d,
        cast(core_features_used_prior_30d as {{ dbt.type_bigint() }})
            as core_features_used_prior_30d,
        calendar_date as health_date
    from with_history
    where {{ in_health_history('calendar_date') }}

)

select * from final
