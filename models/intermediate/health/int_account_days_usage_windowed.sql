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
        api_calls
    from {{ ref('int_account_days_usage') }}

),

core_feature_days as (

    select
        account_id,
        feature,
        activity_date
    from {{ ref('int_account_days_core_features_used') }}

),

usage_days as (

    -- The daily facts the windows sum: an active day as 0 or 1.
    select
        account_id,
        activity_date,
        case when event_count > 0 then 1 else 0 end as active_days,
        sessions,
        feature_events,
        workflow_starts,
        workflow_completions,
        api_calls
    from usage

),

windowed as (

    {{ calendar_trailing_sums('usage_days', 'activity_date', {
        30: [
            'active_days', 'sessions', 'feature_events', 'workflow_starts',
            'workflow_completions', 'api_calls',
        ],
    }) }}

),

calendar_feature_days as (

    -- A core feature's use on a day of the account's calendar (uses outside it do not count,
    -- as for the windowed sums), with the feature's next such use.
    select
        core_feature_days.account_id,
        core_feature_days.feature,
        core_feature_days.activity_date,
        lead(core_feature_days.activity_date) over (
            partition by core_feature_days.account_id, core_feature_days.feature
            order by core_feature_days.activity_date
        ) as next_activity_date
    from core_feature_days
    inner join calendar
        on {{ join_on_keys(
            'core_feature_days', 'calendar', ['account_id', ['activity_date', 'calendar_date']]
        ) }}

),

feature_deltas as (

    -- A use counts the feature for 30 days (the 30-day windows ending on them), until its next
    -- use takes over: +1 on the use, -1 on the earlier of the next use and 30 days later.
    select
        account_id,
        activity_date as delta_date,
        1 as core_features_delta
    from calendar_feature_days

    union all

    select
        account_id,
        case
            when next_activity_date < {{ dbt.dateadd('day', 30, 'activity_date') }}
                then next_activity_date
            else cast({{ dbt.dateadd('day', 30, 'activity_date') }} as date)
        end as delta_date,
        -1 as core_features_delta
    from calendar_feature_days

),

{{ running_counts_from_deltas('feature_deltas', {
    'core_features_delta': 'core_features_used_30d',
}) }},

features_counted as (

    -- Core features used on at least one of the 30 days.
    select
        windowed.*,
        running_counts.core_features_used_30d
    from windowed
    inner join running_counts
        on {{ join_on_keys('windowed', 'running_counts', ['account_id', 'calendar_date']) }}

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
