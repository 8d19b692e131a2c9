with

spine as (

    select
        account_id,
        month_start_date,
        mrr_usd,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

first_months as (

    select
        account_id,
        first_paid_month as cohort_month
    from {{ ref('int_accounts_first_dates') }}
    where first_paid_month is not null

),

cohort_starts as (

    select
        first_months.account_id,
        first_months.cohort_month,
        spine.mrr_usd as start_mrr_usd
    from first_months
    inner join spine
        on {{ join_on_keys(
            'first_months', 'spine', ['account_id', ['cohort_month', 'month_start_date']]
        ) }}

),

cohort_months as (

    select
        cohort_starts.cohort_month,
        {{ dbt.datediff('cohort_starts.cohort_month', 'spine.month_start_date', 'month') }}
            as months_since_start,
        cohort_starts.account_id,
        cohort_starts.start_mrr_usd,
        spine.mrr_usd,
        spine.is_paying
    from cohort_starts
    inner join spine
        on
            cohort_starts.account_id = spine.account_id
            and cohort_starts.cohort_month <= spine.month_start_date

),

aggregated as (

    select
        cohort_month,
        months_since_start,
        count(*) as cohort_accounts,
        sum(case when is_paying then 1 else 0 end) as active_accounts,
        sum(start_mrr_usd) as cohort_start_mrr_usd,
        sum(mrr_usd) as mrr_usd
    from cohort_months
    group by
        cohort_month,
        months_since_start

),

final as (

    select
        {{ compound_id(['cohort_month', 'months_since_start']) }} as cohort_month_id,
        cast(months_since_start as {{ dbt.type_int() }}) as months_since_start,
        cast(cohort_accounts as {{ dbt.type_bigint() }}) as cohort_accounts,
        cast(active_accounts as {{ dbt.type_bigint() }}) as active_accounts,
        cast(active_accounts * 1.0 / cohort_accounts as decimal(18, 6)) as logo_retention,
        cast(cohort_start_mrr_usd as decimal(18, 2)) as cohort_start_mrr_usd,
        cast(mrr_usd as decimal(18, 2)) as mrr_usd,
        cast(mrr_usd / nullif(cohort_start_mrr_usd, 0) as decimal(18, 6)) as revenue_retention,
        cohort_month
    from aggregated

)

select * from final
