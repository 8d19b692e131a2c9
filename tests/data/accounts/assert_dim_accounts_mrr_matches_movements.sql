-- dim_accounts drops no account and no revenue: one row per staged CRM account, and its
-- current MRR adds up to the closing MRR of the as-of month in fct_mrr_movements.
with

accounts as (

    select
        account_id,
        current_mrr_usd
    from {{ ref('dim_accounts') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}

),

movements as (

    select
        month_start_date,
        closing_mrr_usd
    from {{ ref('fct_mrr_movements') }}

),

totals as (

    select
        (select count(*) from accounts) as dim_accounts,
        (select count(*) from crm_accounts) as crm_accounts,
        (select sum(accounts.current_mrr_usd) from accounts) as dim_mrr_usd,
        (
            select sum(movements.closing_mrr_usd)
            from movements
            where movements.month_start_date = (
                select max(latest.month_start_date) from movements as latest
            )
        ) as movements_mrr_usd

)

select * from totals
where dim_accounts != crm_accounts or dim_mrr_usd != movements_mrr_usd
