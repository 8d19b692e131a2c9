with

spine as (

    select
        account_id,
        month_start_date,
        plan_id,
        currency,
        seats,
        mrr as closing_mrr,
        mrr_usd as closing_mrr_usd,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

with_opening as (

    select
        *,
        coalesce(
            lag(closing_mrr) over (partition by account_id order by month_start_date), 0
        ) as opening_mrr,
        coalesce(
            lag(closing_mrr_usd) over (partition by account_id order by month_start_date), 0
        ) as opening_mrr_usd,
        coalesce(
            max(case when is_paying then 1 else 0 end) over (
                partition by account_id
                order by month_start_date
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) = 1 as has_paid_before
    from spine

),

at_opening_rates as (

    -- Closing MRR valued at the previous month's rate, for accounts paying in both months.
    select
        with_opening.*,
        case
            when with_opening.opening_mrr > 0 and with_opening.closing_mrr > 0
                then cast(
                    with_opening.closing_mrr * previous_rates.rate_to_usd as decimal(18, 2)
                )
            else with_opening.closing_mrr_usd
        end as closing_mrr_usd_at_opening_rates
    from with_opening
    {{ left_join_usd_rate(
        'with_opening.currency',
        dbt.dateadd('month', -1, 'with_opening.month_start_date'),
        'previous_rates'
    ) }}

),

classified as (

    select
        *,
        closing_mrr_usd_at_opening_rates - opening_mrr_usd as constant_currency_amount_usd,
        closing_mrr_usd - closing_mrr_usd_at_opening_rates as fx_effect_usd,
        case
            when opening_mrr = 0 and closing_mrr > 0 and not has_paid_before then 'new'
            when opening_mrr = 0 and closing_mrr > 0 then 'reactivation'
            when opening_mrr > 0 and closing_mrr = 0 then 'churn'
            when closing_mrr_usd_at_opening_rates > opening_mrr_usd then 'expansion'
            when closing_mrr_usd_at_opening_rates < opening_mrr_usd then 'contraction'
            else 'unchanged'
        end as movement_type
    from at_opening_rates

),

final as (

    select
        {{ compound_id(['account_id', 'month_start_date']) }} as account_month_id,
        account_id,
        plan_id,
        currency,
        movement_type,
        seats,
        opening_mrr,
        closing_mrr,
        opening_mrr_usd,
        closing_mrr_usd,
        cast(closing_mrr_usd - opening_mrr_usd as decimal(18, 2)) as movement_amount_usd,
        cast(constant_currency_amount_usd as decimal(18, 2)) as constant_currency_amount_usd,
        cast(fx_effect_usd as decimal(18, 2)) as fx_effect_usd,
        month_start_date
    from classified

)

select * from final
