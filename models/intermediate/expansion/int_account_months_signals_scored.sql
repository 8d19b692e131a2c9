{%- set signals = [
    'seat_utilisation', 'active_user_growth', 'feature_breadth', 'api_growth', 'health_score'
] %}
{%- set thresholds = var('expansion_signal_thresholds') %}
{%- set weights = var('expansion_signal_weights') %}
{%- set signal_weights = [] %}
{%- for signal in signals %}
    {%- do signal_weights.append(weights[signal]) %}
{%- endfor %}
{%- set total_weight = signal_weights | sum %}

with

snapshots as (

    select
        account_month_id,
        account_id,
        health_score,
        health_tier,
        month_start_date,
        health_date
    from {{ ref('int_account_months_health_snapshotted') }}

),

measures as (

    select
        account_id,
        health_date,
        seats,
        active_users_30d,
        seat_utilisation,
        active_user_growth,
        feature_breadth,
        api_calls_30d,
        api_growth
    from {{ ref('int_account_days_health_measures') }}

),

snapshot_measures as (

    select
        snapshots.*,
        measures.seats,
        measures.active_users_30d,
        measures.seat_utilisation,
        measures.active_user_growth,
        measures.feature_breadth,
        measures.api_calls_30d,
        measures.api_growth
    from snapshots
    inner join measures
        on {{ join_on_keys('snapshots', 'measures', ['account_id', 'health_date']) }}

),

flagged as (

    select
        snapshot_measures.*,
        {%- for signal in signals %}
            coalesce(
                snapshot_measures.{{ signal }} >= {{ thresholds[signal] }}, false
            ) as has_{{ signal }}_signal
            {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from snapshot_measures

),

scored as (

    select
        flagged.*,
        (
            {%- for signal in signals %}
                case when flagged.has_{{ signal }}_signal then 1 else 0 end
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
        ) as signal_count,
        (
            {%- for signal in signals %}
                case when flagged.has_{{ signal }}_signal then {{ weights[signal] }} else 0 end
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
        ) * 100.0 / {{ total_weight }} as expansion_propensity
    from flagged

),

final as (

    select
        account_month_id,
        account_id,
        health_tier,
        seats,
        active_users_30d,
        api_calls_30d,
        seat_utilisation,
        active_user_growth,
        feature_breadth,
        api_growth,
        health_score,
        cast(signal_count as {{ dbt.type_int() }}) as signal_count,
        cast(expansion_propensity as decimal(5, 2)) as expansion_propensity,
        {%- for signal in signals %}
            has_{{ signal }}_signal,
        {%- endfor %}
        expansion_propensity >= {{ var('expansion_qualified_score') }} as is_qualified,
        month_start_date,
        health_date as snapshot_date
    from scored

)

select * from final
