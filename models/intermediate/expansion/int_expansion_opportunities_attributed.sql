{%- set attribution_days = var('signal_attribution_days') %}

with

opportunities as (

    select
        opportunity_id,
        account_id,
        opportunity_type,
        opportunity_stage,
        opportunity_source,
        currency,
        amount,
        is_closed,
        is_won,
        close_date,
        created_at
    from {{ ref('int_opportunities_validated') }}

),

signals as (

    select
        account_id,
        snapshot_date,
        is_qualified
    from {{ ref('int_account_months_signals_scored') }}

),

expansion_opportunities as (

    select
        opportunity_id,
        account_id,
        opportunity_stage,
        opportunity_source,
        currency,
        amount,
        close_date,
        created_at,
        cast(created_at as date) as created_date,
        coalesce(is_closed and close_date <= {{ as_of_date() }}, false) as is_closed,
        coalesce(is_won and close_date <= {{ as_of_date() }}, false) as is_won
    from opportunities
    where opportunity_type = 'expansion'

),

with_fx_month as (

    -- Closed opportunities are valued at their close month's rate, open ones at the as-of month's.
    select
        expansion_opportunities.*,
        cast(
            case
                when expansion_opportunities.is_closed
                    then {{ dbt.date_trunc('month', 'expansion_opportunities.close_date') }}
                else {{ dbt.date_trunc('month', as_of_date()) }}
            end as date
        ) as fx_month_start_date
    from expansion_opportunities

),

attributed as (

    {{ account_events_aggregated('expansion_opportunities', 'opportunity_id', 'signals',
        'snapshot_date', 'max',
        'signals.is_qualified'
        ~ ' and expansion_opportunities.created_date > signals.snapshot_date and '
        ~ dbt.dateadd('day', -attribution_days, 'expansion_opportunities.created_date')
        ~ ' <= signals.snapshot_date', 'latest_signal_date') }}

),

joined as (

    select
        with_fx_month.*,
        case
            when with_fx_month.currency = 'USD' then 1
            else fx_rates.rate_to_usd
        end as rate_to_usd,
        {{ dbt.dateadd('day', -attribution_days, 'with_fx_month.created_date') }}
        >= {{ dbt.dateadd('day', 1 - var('health_history_days'), as_of_date()) }}
            as is_attribution_window_observed,
        attributed.latest_signal_date
    from with_fx_month
    {{ left_join_usd_rate('with_fx_month.currency', 'with_fx_month.fx_month_start_date') }}
    left join attributed
        on with_fx_month.opportunity_id = attributed.opportunity_id

),

final as (

    select
        opportunity_id,
        account_id,
        case
            when is_won then 'won'
            when is_closed then 'lost'
            else 'open'
        end as status,
        opportunity_stage,
        opportunity_source,
        currency,
        amount,
        cast(rate_to_usd as decimal(18, 8)) as rate_to_usd,
        cast(amount * rate_to_usd as decimal(18, 2)) as amount_usd,
        cast(
            case
                when is_closed then {{ dbt.datediff('created_date', 'close_date', 'day') }}
            end as {{ dbt.type_int() }}
        ) as days_to_close,
        cast(
            {{ dbt.datediff('latest_signal_date', 'created_date', 'day') }}
            as {{ dbt.type_int() }}
        ) as days_from_signal_to_created,
        is_closed,
        is_won,
        case
            when latest_signal_date is not null then true
            when is_attribution_window_observed then false
        end as had_prior_signal,
        created_date,
        close_date,
        latest_signal_date,
        fx_month_start_date,
        created_at
    from joined

)

select * from final
