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
    from {{ ref('int_account_months_movements_classified') }}

),

accounts as (

    select
        account_id,
        segment
    from {{ ref('int_accounts_validated') }}

),

by_segment as (

    select
        movements.*,
        coalesce(accounts.segment, 'unknown') as segment
    from movements
    left join accounts
        on movements.account_id = accounts.account_id

    union all

    select
        movements.*,
        'all' as segment
    from movements

),

final as (

    select
        {{ dbt.concat(['account_id', "'-'", dbt.cast('month_start_date', dbt.type_string()),
            "'-'", 'segment']) }} as account_month_segment_id,
        account_id,
        segment,
        movement_type,
        currency,
        closing_mrr,
        opening_mrr_usd,
        closing_mrr_usd,
        movement_amount_usd,
        constant_currency_amount_usd,
        fx_effect_usd,
        month_start_date
    from by_segment

)

select * from final
