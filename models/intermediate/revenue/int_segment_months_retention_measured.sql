with

movements as (

    select * from {{ ref('int_account_months_movements_segmented') }}

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
    from movements
    group by
        month_start_date,
        segment

),

cohort_members as (

    -- The accounts paying at the end of the month 12 months earlier, with their MRR now
    -- valued at the rates of 12 months earlier.
    select
        current_month.month_start_date,
        current_month.segment,
        year_ago.closing_mrr_usd as year_ago_mrr_usd,
        coalesce(current_month.closing_mrr * year_ago_rates.rate_to_usd, 0)
            as cohort_mrr_usd
    from movements as current_month
    inner join movements as year_ago
        on
            current_month.account_id = year_ago.account_id
            and current_month.segment = year_ago.segment
            and year_ago.month_start_date
            = {{ dbt.dateadd('month', -12, 'current_month.month_start_date') }}
    {{ left_join_usd_rate(
        'current_month.currency', 'year_ago.month_start_date', 'year_ago_rates'
    ) }}
    where year_ago.closing_mrr_usd > 0

),

trailing_12_months as (

    -- NRR: their MRR now over their MRR then; GRR: the same capped at what each paid then.
    select
        month_start_date,
        segment,
        sum(year_ago_mrr_usd) as year_ago_mrr_usd,
        sum(cohort_mrr_usd) as year_ago_cohort_mrr_usd,
        sum(
            case
                when cohort_mrr_usd < year_ago_mrr_usd then cohort_mrr_usd
                else year_ago_mrr_usd
            end
        ) as year_ago_cohort_capped_mrr_usd
    from cohort_members
    group by
        month_start_date,
        segment

),

final as (

    select
        {{ compound_id(['monthly.month_start_date', 'monthly.segment']) }} as retention_month_id,
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
        on {{ join_on_keys('monthly', 'trailing_12_months', ['month_start_date', 'segment']) }}

)

select * from final
