with

interventions as (

    select * from {{ ref('int_interventions_validated') }}

),

final as (

    -- Days are calendar dates (UTC); a close after the as-of date is not known yet.
    select
        interventions.*,
        cast(interventions.opened_at as date) as opened_date,
        cast({{ dbt.dateadd('day', var('intervention_success_days'),
            'cast(interventions.opened_at as date)') }} as date) as horizon_date,
        case
            when interventions.closed_at < {{ as_of_period_end() }}
                then cast(interventions.closed_at as date)
        end as closed_date,
        case
            when interventions.closed_at < {{ as_of_period_end() }}
                then cast(interventions.closed_at as date)
            else {{ as_of_date() }}
        end as open_until_date
    from interventions

)

select * from final  -- noqa: AM04
