with

movements as (

    select
        account_id,
        movement_type,
        currency,
        closing_mrr,
        opening_mrr_usd,
        closing_mrr_usd,
        movement_amount_usd,
        constant_currency_amount_usd,
        fx_effect_usd,
        month_start_date
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
        coalesce(accounts.segment, 'unknown') as segment,
        movements.*
    from movements
    left join accounts
        on movements.account_id = accounts.account_id

    union all

    select
        'all' as segment,
        movements.*
    from movements

),

final as (

    select
        {{ compound_id(['account_id', 'month_start_date', 'segment']) }}
            as account_month_segment_id,
        *
    from by_segment

)

select * from final  -- noqa: AM04
