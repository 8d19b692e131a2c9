with

movements as (

    select
        account_month_id,
        account_id,
        plan_id,
        currency,
        movement_type,
        seats,
        opening_mrr,
        closing_mrr,
        opening_mrr_usd,
        closing_mrr_usd,
        movement_amount_usd,
        constant_currency_amount_usd,
        fx_effect_usd,
        month_start_date
    from {{ ref('int_account_months_movements_classified') }}

),

final as (

    select * from movements

)

select * from final
