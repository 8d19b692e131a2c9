{#-
    Retention by month and segment (plus segment = 'all'): logo churn, revenue churn, GRR, NRR
    (monthly and trailing 12 months) and ARPA, from the MRR movements. GRR and NRR follow the
    SPEC formulas at constant currency (MRR valued at the rates of the start of the period), so
    an exchange-rate move is not retention; the FX effect is a column of its own. See the YAML
    for the definitions; NRR is recomputed from the revenue spine by a singular test.
-#}

with

movements as (

    select
        account_id,
        month_start_date,
        movement_type,
        currency,
        closing_mrr,
        opening_mrr_usd,
        closing_mrr_usd,
        movement_amount_usd,
        constant_currency_amount_usd,
        fx_effect_usd
    from {{ ref('fct_mrr_movements') }}

),

fx_rates as (

    select
        currency,
        month_start_date,
        rate_to_usd
    from {{ ref('int_fx_rates_validated') }}

),

accounts as (

    select
        account_id,
        segment
    from {{ ref('int_accounts_validated') }}

),

by_segment as (

    select
        movements.account_id,
        movements.month_start_date,
        movements.movement_type,
        movements.currency,
        movements.closing_mrr,
        movements.opening_mrr_usd,
        movements.closing_mrr_usd,
        movements.movement_amount_usd,
        movements.constant_currency_amount_usd,
        movements.fx_effect_usd,
        coalesce(accounts.segment, 'unknown') as segment
    from movements
    left join accounts
        on movements.account_id = accounts.account_id

    union all

    select
        movements.account_id,
        movements.month_start_date,
        movements.movement_type,
        movements.currency,
        movements.closing_mrr,
        movements.opening_mrr_usd,
        movements.closing_mrr_usd,
        movements.movement_amount_usd,
        movements.constant_currency_amount_usd,
        movements.fx_effect_usd,
        'all' as segment
    from movements

),

monthly as (

    select
        month_start_date,
        segment,
        sum(case when opening_mrr_usd > 0 then 1 else 0 end) as accounts_at_start,
        sum(case when movement_type = 'new' then 1 else 0 end) as new_accounts,
        sum(case when movement_type = 'reactivation' then 1 else 0 end) as reactivated_accounts,
        sum(case when movement_type = 'churn' then 1 else 0 end) as churned_accounts,
        sum(case when closing_mrr_usd > 0 then 1 else 0 end) as accounts_at_end,
        sum(case when opening_mrr_usd > 0 then opening_mrr_usd else 0 end) as start_mrr_usd,
        sum(
            case when movement_type = 'new' then movement_amount_usd else 0 end
        ) as new_mrr_usd,
        sum(
            case when movement_type = 'expansion' then constant_currency_amount_usd else 0 end
        ) as expansion_mrr_usd,
        -sum(
            case when movement_type = 'contraction' then constant_currency_amount_usd else 0 end
        ) as contraction_mrr_usd,
        -sum(
            case when movement_type = 'churn' then movement_amount_usd else 0 end
        ) as churned_mrr_usd,
        sum(
            case when movement_type = 'reactivation' then movement_amount_usd else 0 end
        ) as reactivation_mrr_usd,
        sum(fx_effect_usd) as fx_effect_usd,
        sum(closing_mrr_usd) as end_mrr_usd
    from by_segment
    group by
        month_start_date,
        segment

),

trailing_12_months as (

    -- The accounts paying at the end of the month 12 months earlier: their MRR now, valued at
    -- the rates of 12 months earlier, over their MRR then (NRR), and the same capped at what
    -- each paid then (GRR).
    select
        current_month.month_start_date,
        current_month.segment,
        sum(year_ago.closing_mrr_usd) as year_ago_mrr_usd,
        sum(
            coalesce(current_month.closing_mrr * year_ago_rates.rate_to_usd, 0)
        ) as year_ago_cohort_mrr_usd,
        sum(
            case
                when
                    coalesce(current_month.closing_mrr * year_ago_rates.rate_to_usd, 0)
                    < year_ago.closing_mrr_usd
                    then coalesce(current_month.closing_mrr * year_ago_rates.rate_to_usd, 0)
                else year_ago.closing_mrr_usd
            end
        ) as year_ago_cohort_capped_mrr_usd
    from by_segment as current_month
    inner join by_segment as year_ago
        on
            current_month.account_id = year_ago.account_id
            and current_month.segment = year_ago.segment
            and year_ago.month_start_date
            = {{ dbt.dateadd('month', -12, 'current_month.month_start_date') }}
    left join fx_rates as year_ago_rates
        on
            current_month.currency = year_ago_rates.currency
            and year_ago.month_start_date = year_ago_rates.month_start_date
    where year_ago.closing_mrr_usd > 0
    group by
        current_month.month_start_date,
        current_month.segment

),

final as (

    select
        {{ dbt.concat([dbt.cast('monthly.month_start_date', dbt.type_string()), "'-'",
            'monthly.segment']) }} as retention_month_id,
        monthly.segment,
        cast(monthly.accounts_at_start as {{ dbt.type_bigint() }}) as accounts_at_start,
        cast(monthly.new_accounts as {{ dbt.type_bigint() }}) as new_accounts,
        cast(monthly.reactivated_accounts as {{ dbt.type_bigint() }}) as reactivated_accounts,
        cast(monthly.churned_accounts as {{ dbt.type_bigint() }}) as churned_accounts,
        cast(monthly.accounts_at_end as {{ dbt.type_bigint() }}) as accounts_at_end,
        cast(
            monthly.churned_accounts * 1.0 / nullif(monthly.accounts_at_start, 0)
            as decimal(18, 6)
        ) as logo_churn_rate,
        cast(monthly.start_mrr_usd as decimal(18, 2)) as start_mrr_usd,
        cast(monthly.new_mrr_usd as decimal(18, 2)) as new_mrr_usd,
        cast(monthly.expansion_mrr_usd as decimal(18, 2)) as expansion_mrr_usd,
        cast(monthly.contraction_mrr_usd as decimal(18, 2)) as contraction_mrr_usd,
        cast(monthly.churned_mrr_usd as decimal(18, 2)) as churned_mrr_usd,
        cast(monthly.reactivation_mrr_usd as decimal(18, 2)) as reactivation_mrr_usd,
        cast(monthly.fx_effect_usd as decimal(18, 2)) as fx_effect_usd,
        cast(monthly.end_mrr_usd as decimal(18, 2)) as end_mrr_usd,
        cast(
            monthly.churned_mrr_usd / nullif(monthly.start_mrr_usd, 0) as decimal(18, 6)
        ) as revenue_churn_rate,
        cast(
            (monthly.start_mrr_usd - monthly.contraction_mrr_usd - monthly.churned_mrr_usd)
            / nullif(monthly.start_mrr_usd, 0)
            as decimal(18, 6)
        ) as grr_monthly,
        -- Accounts active at the start cannot reactivate within the month: no reactivation term.
        cast(
            (
                monthly.start_mrr_usd + monthly.expansion_mrr_usd
                - monthly.contraction_mrr_usd - monthly.churned_mrr_usd
            )
            / nullif(monthly.start_mrr_usd, 0)
            as decimal(18, 6)
        ) as nrr_monthly,
        cast(
            trailing_12_months.year_ago_cohort_capped_mrr_usd
            / nullif(trailing_12_months.year_ago_mrr_usd, 0)
            as decimal(18, 6)
        ) as grr_t12m,
        cast(
            trailing_12_months.year_ago_cohort_mrr_usd
            / nullif(trailing_12_months.year_ago_mrr_usd, 0)
            as decimal(18, 6)
        ) as nrr_t12m,
        cast(
            monthly.end_mrr_usd / nullif(monthly.accounts_at_end, 0) as decimal(18, 2)
        ) as arpa_usd,
        monthly.month_start_date
    from monthly
    left join trailing_12_months
        on
            monthly.month_start_date = trailing_12_months.month_start_date
            and monthly.segment = trailing_12_months.segment

)

select * from final
