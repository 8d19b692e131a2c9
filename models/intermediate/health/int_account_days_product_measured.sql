with

usage_windows as (

    select
        account_id,
        health_date,
        active_days_30d,
        sessions_30d,
        feature_events_30d,
        workflow_starts_30d,
        workflow_completions_30d,
        api_calls_30d,
        api_calls_prior_30d,
        core_features_used_30d,
        core_features_used_prior_30d
    from {{ ref('int_account_days_usage_windowed') }}

),

core_features as (

    select count(*) as core_feature_count
    from {{ ref('int_core_features_listed') }}

),

active_users as (

    select
        account_id,
        health_date,
        active_users_30d,
        active_users_prior_30d
    from {{ ref('int_account_days_active_users_counted') }}

),

final as (

    select
        usage_windows.account_id,
        cast(usage_windows.active_days_30d as {{ dbt.type_int() }}) as active_days_30d,
        active_users.active_users_30d,
        cast(usage_windows.sessions_30d as {{ dbt.type_int() }}) as sessions_30d,
        cast(usage_windows.workflow_starts_30d as {{ dbt.type_int() }}) as workflow_starts_30d,
        cast(usage_windows.api_calls_30d as {{ dbt.type_int() }}) as api_calls_30d,
        cast(
            usage_windows.core_features_used_30d * 1.0
            / nullif(core_features.core_feature_count, 0)
            as decimal(18, 6)
        ) as feature_breadth,
        cast(
            (
                usage_windows.feature_events_30d + usage_windows.workflow_starts_30d
                + usage_windows.workflow_completions_30d
            ) * 1.0 / nullif(usage_windows.sessions_30d, 0)
            as decimal(18, 6)
        ) as session_depth,
        cast(
            case
                when usage_windows.workflow_completions_30d > usage_windows.workflow_starts_30d
                    then 1.0
                else
                    usage_windows.workflow_completions_30d * 1.0
                    / nullif(usage_windows.workflow_starts_30d, 0)
            end as decimal(18, 6)
        ) as workflow_completion_rate,
        cast(
            active_users.active_users_30d * 1.0
            / nullif(active_users.active_users_prior_30d, 0) - 1
            as decimal(18, 6)
        ) as active_user_growth,
        cast(
            (usage_windows.core_features_used_30d - usage_windows.core_features_used_prior_30d)
            * 1.0 / nullif(core_features.core_feature_count, 0)
            as decimal(18, 6)
        ) as feature_expansion,
        cast(
            usage_windows.api_calls_30d * 1.0 / nullif(usage_windows.api_calls_prior_30d, 0) - 1
            as decimal(18, 6)
        ) as api_growth,
        usage_windows.health_date
    from usage_windows
    left join active_users
        on {{ join_on_keys('usage_windows', 'active_users', ['account_id', 'health_date']) }}
    cross join core_features

)

select * from final
