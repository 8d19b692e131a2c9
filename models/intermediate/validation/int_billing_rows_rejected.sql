with

plans as (

    select
        plan_id,
        currency,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_billing__plans') }}

),

subscriptions as (

    select
        subscription_id,
        account_id,
        plan_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_billing__subscriptions') }}

),

invoices as (

    select
        invoice_id,
        account_id,
        currency,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_billing__invoices') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

billing_plans as (

    select plan_id
    from {{ ref('stg_billing__plans') }}
    where plan_id is not null

),

fx_currencies as (

    select currency
    from {{ ref('stg_reference__fx_rates') }}
    where currency is not null

),

judged as (

    select
        cast('billing_plans' as {{ dbt.type_string() }}) as source_table,
        cast(plans.plan_id as {{ dbt.type_string() }}) as record_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        plans.duplicate_rank,
        {{ final_rejection_reason('billing_plans', 'plans') }} as rejection_reason
    from plans

    union all

    select
        cast('billing_subscriptions' as {{ dbt.type_string() }}) as source_table,
        cast(subscriptions.subscription_id as {{ dbt.type_string() }}) as record_id,
        cast(subscriptions.account_id as {{ dbt.type_string() }}) as account_id,
        subscriptions.duplicate_rank,
        {{ final_rejection_reason('billing_subscriptions', 'subscriptions') }} as rejection_reason
    from subscriptions

    union all

    select
        cast('billing_invoices' as {{ dbt.type_string() }}) as source_table,
        cast(invoices.invoice_id as {{ dbt.type_string() }}) as record_id,
        cast(invoices.account_id as {{ dbt.type_string() }}) as account_id,
        invoices.duplicate_rank,
        {{ final_rejection_reason('billing_invoices', 'invoices') }} as rejection_reason
    from invoices

),

final as (

    select *
    from judged
    where rejection_reason is not null

)

select * from final
