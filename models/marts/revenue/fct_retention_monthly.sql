with

retention as (

    select
        retention_month_id,
        segment,
        accounts_at_start,
        new_accounts,
        reactivated_accounts,
        churned_accounts,
        accounts_at_end,
        logo_churn_rate,
        start_mrr_usd,
        new_mrr_usd,
        expansion_mrr_usd,
        contraction_mrr_usd,
        churned_mrr_usd,
        reactivation_mrr_usd,
        fx_effect_usd,
        end_mrr_usd,
        revenue_churn_rate,
        grr_monthly,
        nrr_monthly,
        grr_t12m,
        nrr_t12m,
        arpa_usd,
        month_start_date
    from {{ ref('int_segment_months_retention_measured') }}

),

final as (

    select * from retention

)

select * from final
