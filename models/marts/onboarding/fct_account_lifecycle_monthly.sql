with

lifecycle as (

    select * from {{ ref('int_account_months_lifecycle') }}

),

paying_months as (

    select
        account_id,
        month_start_date,
        mrr_usd
    from {{ ref('int_account_months_revenue') }}
    where is_paying

),

accounts as (

    select
        account_id,
        segment
    from {{ ref('dim_accounts') }}

),

final as (

    select
        lifecycle.account_month_id,
        lifecycle.account_id,
        accounts.segment,
        lifecycle.billing_interval,
        lifecycle.lifecycle_stage,
        cast(lifecycle.days_since_contract_start as {{ dbt.type_bigint() }})
            as days_since_contract_start,
        cast(lifecycle.days_to_renewal as {{ dbt.type_bigint() }}) as days_to_renewal,
        cast(paying_months.mrr_usd as decimal(18, 2)) as mrr_usd,
        lifecycle.month_start_date,
        lifecycle.reference_date,
        lifecycle.contract_start_date,
        lifecycle.next_renewal_date
    from lifecycle
    inner join paying_months
        on {{ join_on_keys('lifecycle', 'paying_months', ['account_id', 'month_start_date']) }}
    left join accounts
        on lifecycle.account_id = accounts.account_id

)

select * from final
