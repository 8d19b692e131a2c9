{#-
    One row per account per month (from its first paid month to the as-of month): opening and
    closing MRR, the movement class and the movement amount. The class is decided on MRR in the
    plan currency (constant currency), so an exchange-rate move alone is never an expansion or
    a contraction; the amount is the change in USD MRR, so the movements of a month always sum
    to the change in total USD MRR.
-#}

with

spine as (

    select
        account_id,
        month_start_date,
        plan_id,
        currency,
        seats,
        mrr,
        mrr_usd,
        is_paying
    from {{ ref('int_account_months_revenue') }}

),

with_opening as (

    select
        account_id,
        month_start_date,
        plan_id,
        currency,
        seats,
        mrr as closing_mrr,
        mrr_usd as closing_mrr_usd,
        coalesce(
            lag(mrr) over (partition by account_id order by month_start_date), 0
        ) as opening_mrr,
        coalesce(
            lag(mrr_usd) over (partition by account_id order by month_start_date), 0
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

classified as (

    select
        account_id,
        month_start_date,
        plan_id,
        currency,
        seats,
        opening_mrr,
        closing_mrr,
        opening_mrr_usd,
        closing_mrr_usd,
        case
            when opening_mrr = 0 and closing_mrr > 0 and not has_paid_before then 'new'
            when opening_mrr = 0 and closing_mrr > 0 then 'reactivation'
            when opening_mrr > 0 and closing_mrr = 0 then 'churn'
            when closing_mrr > opening_mrr then 'expansion'
            when closing_mrr < opening_mrr then 'contraction'
            else 'unchanged'
        end as movement_type
    from with_opening

),

final as (

    select
        {{ dbt.concat(['account_id', "'-'", dbt.cast('month_start_date', dbt.type_string())]) }}
            as account_month_id,
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
        month_start_date
    from classified

)

select * from final
