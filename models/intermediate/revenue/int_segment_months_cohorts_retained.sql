with

movements as (

    select
        account_id,
        month_start_date,
        segment,
        currency,
        closing_mrr,
        closing_mrr_usd
    from {{ ref('int_account_months_movements_segmented') }}

),

fx_rates as (

    select
        currency,
        month_start_date,
        rate_to_usd
    from {{ ref('int_fx_rates_validated') }}

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
    left join fx_rates as year_ago_rates
        on
            current_month.currency = year_ago_rates.currency
            and year_ago.month_start_date = year_ago_rates.month_start_date
    where year_ago.closing_mrr_usd > 0

),

final as (

    -- NRR: their MRR now over their MRR then; GRR: the same capped at what each paid then.
    select
        {{ dbt.concat([dbt.cast('month_start_date', dbt.type_string()), "'-'", 'segment']) }}
            as retention_month_id,
        segment,
        sum(year_ago_mrr_usd) as year_ago_mrr_usd,
        sum(cohort_mrr_usd) as year_ago_cohort_mrr_usd,
        sum(
            case
                when cohort_mrr_usd < year_ago_mrr_usd then cohort_mrr_usd
                else year_ago_mrr_usd
            end
        ) as year_ago_cohort_capped_mrr_usd,
        month_start_date
    from cohort_members
    group by
        month_start_date,
        segment

)

select * from final
