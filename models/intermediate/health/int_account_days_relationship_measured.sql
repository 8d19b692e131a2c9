with

calendar as (

    select * from {{ ref('int_account_days_enumerated') }}

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

crm_daily as (

    -- Daily counts of the relationship facts, by the day they became known.
    select
        account_id,
        cast(submitted_at as date) as fact_date,
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
        0 as nps_responses,
        0 as nps_score_sum,
        0 as csat_ratings,
        0 as csat_sum,
        0 as escalations,
        1 as csm_touches
    from activities

),

crm_day_counts as (

    select
        account_id,
        fact_date,
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

windowed as (

    {{ calendar_trailing_sums('crm_day_counts', 'fact_date', {
        180: ['nps_responses', 'nps_score_sum'],
        90: ['csat_ratings', 'csat_sum', 'escalations', 'csm_touches'],
    }) }}

),

final as (

    select
        account_id,
        cast(nps_score_sum_180d * 1.0 / nullif(nps_responses_180d, 0) as decimal(18, 6))
            as nps_average,
        cast(csat_sum_90d * 1.0 / nullif(csat_ratings_90d, 0) as decimal(18, 6))
            as csat_average,
        cast(csm_touches_90d as {{ dbt.type_int() }}) as csm_touches_90d,
        cast(escalations_90d as {{ dbt.type_int() }}) as escalations_90d,
        calendar_date as health_date
    from windowed
    where {{ in_health_history('calendar_date') }}

)

select * from final
