{%- set core_features = var('core_features') %}

with

calendar as (

    select
        account_id,
        calendar_date
    from {{ ref('int_account_days_enumerated') }}

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

daily as (

    select
        calendar.account_id,
        calendar.calendar_date,
        coalesce(usage.event_count, 0) as event_count,
        coalesce(usage.sessions, 0) as sessions,
        coalesce(usage.feature_events, 0) as feature_events,
        coalesce(usage.workflow_starts, 0) as workflow_starts,
        coalesce(usage.workflow_completions, 0) as workflow_completions,
        {%- for core_feature in core_features %}
            case when usage.used_{{ core_feature }} then 1 else 0 end as used_{{ core_feature }},
        {%- endfor %}
        coalesce(usage.api_calls, 0) as api_calls
    from calendar
    left join usage
        on
            calendar.account_id = usage.account_id
            and calendar.calendar_date = usage.activity_date

),

windowed as (

    select
        account_id,
        calendar_date,
        sum(case when event_count > 0 then 1 else 0 end) over w30 as active_days_30d,
        sum(sessions) over w30 as sessions_30d,
        sum(feature_events) over w30 as feature_events_30d,
        sum(workflow_starts) over w30 as workflow_starts_30d,
        sum(workflow_completions) over w30 as workflow_completions_30d,
        sum(api_calls) over w30 as api_calls_30d,
        (
            {%- for core_feature in core_features %}
                max(used_{{ core_feature }}) over w30
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
        ) as core_features_used_30d
    from daily
    window w30 as ({{ trailing_days_window(30, 'account_id', 'calendar_date') }})

),

with_history as (

    select
        *,
        lag(core_features_used_30d, 30) over by_day as core_features_used_prior_30d,
        lag(api_calls_30d, 30) over by_day as api_calls_prior_30d
    from windowed
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
