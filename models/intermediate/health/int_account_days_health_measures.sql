{#-
    The raw health measures (SPEC section 4) per account per day on which the account has a
    live subscription at the end of the day, over the last var('health_history_days') days up
    to var('as_of_date'). Every measure uses only what was known at the end of that day.

    Trailing windows are rows windows over a dense per-account calendar (every day from the
    account's first subscription or event, active or not), so "29 preceding" is exactly 30
    days. Counts that cannot be summed from daily totals (distinct active users, contacts in
    role) are running sums of +1/-1 deltas: a user counts from an active day until the day
    before its next active day, at most 30 days; a contact from created_at until it left.

    A measure is null when it cannot be measured (no sessions, no workflow started, no milestone
    due, no NPS response, no CSAT rating, no prior usage to grow from): the score model excludes
    it and renormalises, never counts it as zero.
-#}

{%- set core_features = var('core_features') %}

with

usage as (

    select
        account_id,
        activity_date,
        event_count,
        sessions,
        feature_events,
        workflow_starts,
        workflow_completions,
        api_calls,
        {%- for core_feature in core_features %}
            used_{{ core_feature }},
        {%- endfor %}
        active_users
    from {{ ref('int_account_days_usage') }}

),

user_days as (

    select
        account_id,
        user_id,
        activity_date
    from {{ ref('int_user_days_activity') }}

),

subscriptions as (

    select
        account_id,
        quantity,
        mrr,
        started_at,
        ended_at
    from {{ ref('int_subscriptions_priced') }}

),

milestones as (

    select
        account_id,
        milestone_type,
        milestone_name,
        planned_date,
        completed_at
    from {{ ref('int_milestones_validated') }}

),

nps_responses as (

    select
        account_id,
        nps_score,
        submitted_at
    from {{ ref('int_nps_responses_validated') }}

),

support_tickets as (

    select
        account_id,
        csat_rating,
        is_escalated,
        created_at,
        solved_at
    from {{ ref('int_support_tickets_validated') }}

),

activities as (

    select
        account_id,
        occurred_at
    from {{ ref('int_activities_validated') }}

),

contacts as (

    select
        account_id,
        is_champion,
        is_executive_sponsor,
        created_at,
        left_company_at
    from {{ ref('int_contacts_validated') }}

),

day_numbers as (

    {{ dbt.generate_series(var('health_history_days') + 500) }}

),

calendar as (

    -- Every day up to the as-of date; the extra 500 days before the scored history give the
    -- trailing windows and running sums their past.
    select
        cast(
            {{ dbt.dateadd('day', '1 - day_numbers.generated_number', as_of_date()) }} as date
        ) as calendar_date
    from day_numbers

),

account_starts as (

    select
        account_id,
        min(cast(started_at as date)) as first_date
    from subscriptions
    where started_at < {{ as_of_period_end() }}
    group by account_id

),

calendar_start as (

    select min(calendar_date) as first_calendar_date
    from calendar

),

account_calendars as (

    -- Each account's calendar starts 365 days (the longest window) before its first
    -- subscription, so windows see facts dated before it; running-sum deltas dated before the
    -- calendar are moved to its first day, so what happened earlier still counts.
    select
        account_starts.account_id,
        account_starts.first_date,
        case
            when
                {{ dbt.dateadd('day', -365, 'account_starts.first_date') }}
                > calendar_start.first_calendar_date
                then cast({{ dbt.dateadd('day', -365, 'account_starts.first_date') }} as date)
            else calendar_start.first_calendar_date
        end as first_calendar_date
    from account_starts
    cross join calendar_start

),

account_days as (

    select
        account_calendars.account_id,
        calendar.calendar_date
    from account_calendars
    inner join calendar
        on account_calendars.first_calendar_date <= calendar.calendar_date

),

live_state as (

    -- Subscription rows live at the end of each day: seats and MRR (plan currency).
    select
        account_days.account_id,
        account_days.calendar_date,
        sum(subscriptions.quantity) as seats,
        sum(subscriptions.mrr) as mrr
    from account_days
    inner join subscriptions
        on
            account_days.account_id = subscriptions.account_id
            and subscriptions.started_at
            < {{ dbt.dateadd('day', 1, 'account_days.calendar_date') }}
            and (
                subscriptions.ended_at is null
                or subscriptions.ended_at
                >= {{ dbt.dateadd('day', 1, 'account_days.calendar_date') }}
            )
    group by
        account_days.account_id,
        account_days.calendar_date

),

user_spans as (

    -- A user is active in the trailing 30 days from an active day until the day before the
    -- next one, at most 30 days.
    select
        account_id,
        activity_date,
        lead(activity_date) over (
            partition by account_id, user_id order by activity_date
        ) as next_activity_date
    from user_days

),

user_deltas as (

    select
        account_id,
        activity_date as delta_date,
        1 as delta
    from user_spans

    union all

    select
        account_id,
        case
            when
                next_activity_date is not null
                and next_activity_date < {{ dbt.dateadd('day', 30, 'activity_date') }}
                then next_activity_date
            else cast({{ dbt.dateadd('day', 30, 'activity_date') }} as date)
        end as delta_date,
        -1 as delta
    from user_spans

),

contact_deltas as (

    select
        account_id,
        cast(created_at as date) as delta_date,
        case when is_champion then 1 else 0 end as champion_delta,
        case when is_executive_sponsor then 1 else 0 end as sponsor_delta
    from contacts
    where created_at is not null

    union all

    select
        account_id,
        cast(left_company_at as date) as delta_date,
        case when is_champion then -1 else 0 end as champion_delta,
        case when is_executive_sponsor then -1 else 0 end as sponsor_delta
    from contacts
    where created_at is not null and left_company_at is not null

),

crm_daily as (

    -- Daily counts of the relationship and outcome facts, by the day they became known.
    select
        account_id,
        planned_date as fact_date,
        1 as milestones_due,
        case
            when cast(completed_at as date) <= planned_date then 1 else 0
        end as milestones_on_time,
        0 as nps_responses,
        0 as nps_score_sum,
        0 as csat_ratings,
        0 as csat_sum,
        0 as escalations,
        0 as csm_touches
    from milestones

    union all

    select
        account_id,
        cast(submitted_at as date) as fact_date,
        0 as milestones_due,
        0 as milestones_on_time,
        1 as nps_responses,
        nps_score as nps_score_sum,
        0 as csat_ratings,
        0 as csat_sum,
        0 as escalations,
        0 as csm_touches
    from nps_responses
    where nps_score is not null

    union all

    select
        account_id,
        cast(solved_at as date) as fact_date,
        0 as milestones_due,
        0 as milestones_on_time,
        0 as nps_responses,
        0 as nps_score_sum,
        1 as csat_ratings,
        csat_rating as csat_sum,
        0 as escalations,
        0 as csm_touches
    from support_tickets
    where csat_rating is not null and solved_at is not null

    union all

    select
        account_id,
        cast(created_at as date) as fact_date,
        0 as milestones_due,
        0 as milestones_on_time,
        0 as nps_responses,
        0 as nps_score_sum,
        0 as csat_ratings,
        0 as csat_sum,
        1 as escalations,
        0 as csm_touches
    from support_tickets
    where is_escalated

    union all

    select
        account_id,
        cast(occurred_at as date) as fact_date,
        0 as milestones_due,
        0 as milestones_on_time,
        0 as nps_responses,
        0 as nps_score_sum,
        0 as csat_ratings,
        0 as csat_sum,
        0 as escalations,
        1 as csm_touches
    from activities

),

running_deltas as (

    -- The +1/-1 deltas of every running sum, users and contacts together.
    select
        account_id,
        delta_date,
        delta as user_delta,
        0 as champion_delta,
        0 as sponsor_delta
    from user_deltas

    union all

    select
        account_id,
        delta_date,
        0 as user_delta,
        champion_delta,
        sponsor_delta
    from contact_deltas

),

clamped_deltas as (

    -- A delta dated before the account's calendar counts on its first day.
    select
        running_deltas.account_id,
        running_deltas.user_delta,
        running_deltas.champion_delta,
        running_deltas.sponsor_delta,
        case
            when running_deltas.delta_date < account_calendars.first_calendar_date
                then account_calendars.first_calendar_date
            else running_deltas.delta_date
        end as delta_date
    from running_deltas
    inner join account_calendars
        on running_deltas.account_id = account_calendars.account_id

),

day_deltas as (

    select
        account_id,
        delta_date,
        sum(user_delta) as user_delta,
        sum(champion_delta) as champion_delta,
        sum(sponsor_delta) as sponsor_delta
    from clamped_deltas
    group by
        account_id,
        delta_date

),

crm_day_counts as (

    select
        account_id,
        fact_date,
        sum(milestones_due) as milestones_due,
        sum(milestones_on_time) as milestones_on_time,
        sum(nps_responses) as nps_responses,
        sum(nps_score_sum) as nps_score_sum,
        sum(csat_ratings) as csat_ratings,
        sum(csat_sum) as csat_sum,
        sum(escalations) as escalations,
        sum(csm_touches) as csm_touches
    from crm_daily
    group by
        account_id,
        fact_date

),

first_value_candidates as (

    select
        account_id,
        cast(completed_at as date) as first_value_date
    from milestones
    where milestone_name = 'first_value' and completed_at is not null

    union all

    select
        account_id,
        activity_date as first_value_date
    from usage
    where workflow_completions > 0

),

first_values as (

    -- First value: the first_value milestone or the first completed workflow, the earlier.
    select
        account_id,
        min(first_value_date) as first_value_date
    from first_value_candidates
    group by account_id

),

daily as (

    select
        account_days.account_id,
        account_days.calendar_date,
        coalesce(usage.event_count, 0) as event_count,
        coalesce(usage.sessions, 0) as sessions,
        coalesce(usage.feature_events, 0) as feature_events,
        coalesce(usage.workflow_starts, 0) as workflow_starts,
        coalesce(usage.workflow_completions, 0) as workflow_completions,
        coalesce(usage.api_calls, 0) as api_calls,
        {%- for core_feature in core_features %}
            case when usage.used_{{ core_feature }} then 1 else 0 end as used_{{ core_feature }},
        {%- endfor %}
        coalesce(day_deltas.user_delta, 0) as user_delta,
        coalesce(day_deltas.champion_delta, 0) as champion_delta,
        coalesce(day_deltas.sponsor_delta, 0) as sponsor_delta,
        coalesce(crm_day_counts.milestones_due, 0) as milestones_due,
        coalesce(crm_day_counts.milestones_on_time, 0) as milestones_on_time,
        coalesce(crm_day_counts.nps_responses, 0) as nps_responses,
        coalesce(crm_day_counts.nps_score_sum, 0) as nps_score_sum,
        coalesce(crm_day_counts.csat_ratings, 0) as csat_ratings,
        coalesce(crm_day_counts.csat_sum, 0) as csat_sum,
        coalesce(crm_day_counts.escalations, 0) as escalations,
        coalesce(crm_day_counts.csm_touches, 0) as csm_touches,
        live_state.seats,
        live_state.mrr
    from account_days
    left join usage
        on
            account_days.account_id = usage.account_id
            and account_days.calendar_date = usage.activity_date
    left join day_deltas
        on
            account_days.account_id = day_deltas.account_id
            and account_days.calendar_date = day_deltas.delta_date
    left join crm_day_counts
        on
            account_days.account_id = crm_day_counts.account_id
            and account_days.calendar_date = crm_day_counts.fact_date
    left join live_state
        on
            account_days.account_id = live_state.account_id
            and account_days.calendar_date = live_state.calendar_date

),

windowed as (

    select
        account_id,
        calendar_date,
        seats,
        mrr,
        sum(case when event_count > 0 then 1 else 0 end) over w30 as active_days_30d,
        sum(user_delta) over running as active_users_30d,
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
        ) as core_features_used_30d,
        sum(milestones_due) over w365 as milestones_due_365d,
        sum(milestones_on_time) over w365 as milestones_on_time_365d,
        sum(nps_responses) over w180 as nps_responses_180d,
        sum(nps_score_sum) over w180 as nps_score_sum_180d,
        sum(csat_ratings) over w90 as csat_ratings_90d,
        sum(csat_sum) over w90 as csat_sum_90d,
        sum(escalations) over w90 as escalations_90d,
        sum(csm_touches) over w90 as csm_touches_90d,
        sum(champion_delta) over running as active_champions,
        sum(sponsor_delta) over running as executive_sponsors
    from daily
    window
        w30 as (
            partition by account_id order by calendar_date
            rows between 29 preceding and current row
        ),
        w90 as (
            partition by account_id order by calendar_date
            rows between 89 preceding and current row
        ),
        w180 as (
            partition by account_id order by calendar_date
            rows between 179 preceding and current row
        ),
        w365 as (
            partition by account_id order by calendar_date
            rows between 364 preceding and current row
        ),
        running as (
            partition by account_id order by calendar_date
            rows between unbounded preceding and current row
        )

),

with_history as (

    select
        windowed.account_id,
        windowed.calendar_date,
        windowed.seats,
        windowed.mrr,
        windowed.active_days_30d,
        windowed.active_users_30d,
        windowed.sessions_30d,
        windowed.feature_events_30d,
        windowed.workflow_starts_30d,
        windowed.workflow_completions_30d,
        windowed.api_calls_30d,
        windowed.core_features_used_30d,
        windowed.milestones_due_365d,
        windowed.milestones_on_time_365d,
        windowed.nps_responses_180d,
        windowed.nps_score_sum_180d,
        windowed.csat_ratings_90d,
        windowed.csat_sum_90d,
        windowed.escalations_90d,
        windowed.csm_touches_90d,
        windowed.active_champions,
        windowed.executive_sponsors,
        lag(windowed.active_users_30d, 30) over by_day as active_users_prior_30d,
        lag(windowed.core_features_used_30d, 30) over by_day as core_features_used_prior_30d,
        lag(windowed.api_calls_30d, 30) over by_day as api_calls_prior_30d,
        lag(windowed.mrr, 90) over by_day as mrr_90d_ago
    from windowed
    window by_day as (partition by account_id order by calendar_date)

),

final as (

    select
        {{ dbt.concat(['with_history.account_id', "'-'",
            dbt.cast('with_history.calendar_date', dbt.type_string())]) }} as account_day_id,
        with_history.account_id,
        cast(with_history.seats as {{ dbt.type_int() }}) as seats,
        cast(with_history.active_days_30d as {{ dbt.type_int() }}) as active_days_30d,
        cast(with_history.active_users_30d as {{ dbt.type_int() }}) as active_users_30d,
        cast(with_history.sessions_30d as {{ dbt.type_int() }}) as sessions_30d,
        cast(with_history.workflow_starts_30d as {{ dbt.type_int() }}) as workflow_starts_30d,
        cast(with_history.api_calls_30d as {{ dbt.type_int() }}) as api_calls_30d,
        cast(
            with_history.active_users_30d * 1.0 / nullif(with_history.seats, 0)
            as decimal(18, 6)
        ) as seat_utilisation,
        cast(
            with_history.core_features_used_30d * 1.0 / {{ core_features | length }}
            as decimal(18, 6)
        ) as feature_breadth,
        cast(
            (
                with_history.feature_events_30d + with_history.workflow_starts_30d
                + with_history.workflow_completions_30d
            ) * 1.0 / nullif(with_history.sessions_30d, 0)
            as decimal(18, 6)
        ) as session_depth,
        cast(
            case
                when with_history.workflow_completions_30d > with_history.workflow_starts_30d
                    then 1.0
                else
                    with_history.workflow_completions_30d * 1.0
                    / nullif(with_history.workflow_starts_30d, 0)
            end as decimal(18, 6)
        ) as workflow_completion_rate,
        cast(
            with_history.milestones_on_time_365d * 1.0
            / nullif(with_history.milestones_due_365d, 0)
            as decimal(18, 6)
        ) as milestones_on_time_rate,
        cast(
            case
                when first_values.first_value_date <= with_history.calendar_date
                    then {{ dbt.datediff('account_starts.first_date',
                        'first_values.first_value_date', 'day') }}
                else {{ dbt.datediff('account_starts.first_date',
                    'with_history.calendar_date', 'day') }}
            end as {{ dbt.type_int() }}
        ) as time_to_first_value_days,
        first_values.first_value_date <= with_history.calendar_date as has_reached_first_value,
        cast(
            with_history.nps_score_sum_180d * 1.0 / nullif(with_history.nps_responses_180d, 0)
            as decimal(18, 6)
        ) as nps_average,
        cast(
            with_history.csat_sum_90d * 1.0 / nullif(with_history.csat_ratings_90d, 0)
            as decimal(18, 6)
        ) as csat_average,
        cast(with_history.csm_touches_90d as {{ dbt.type_int() }}) as csm_touches_90d,
        cast(
            case when with_history.executive_sponsors > 0 then 1 else 0 end
            as {{ dbt.type_int() }}
        ) as executive_sponsor_present,
        cast(with_history.active_champions as {{ dbt.type_int() }}) as active_champions,
        cast(with_history.escalations_90d as {{ dbt.type_int() }}) as escalations_90d,
        cast(
            with_history.active_users_30d * 1.0
            / nullif(with_history.active_users_prior_30d, 0) - 1
            as decimal(18, 6)
        ) as active_user_growth,
        cast(
            (with_history.core_features_used_30d - with_history.core_features_used_prior_30d)
            * 1.0 / {{ core_features | length }}
            as decimal(18, 6)
        ) as feature_expansion,
        cast(
            with_history.api_calls_30d * 1.0 / nullif(with_history.api_calls_prior_30d, 0) - 1
            as decimal(18, 6)
        ) as api_growth,
        cast(
            with_history.mrr / nullif(with_history.mrr_90d_ago, 0) - 1 as decimal(18, 6)
        ) as mrr_growth_90d,
        with_history.calendar_date as health_date
    from with_history
    inner join account_calendars as account_starts
        on with_history.account_id = account_starts.account_id
    left join first_values
        on with_history.account_id = first_values.account_id
    where
        with_history.seats is not null
        and with_history.calendar_date
        > {{ dbt.dateadd('day', -var('health_history_days'), as_of_date()) }}

)

select * from final
