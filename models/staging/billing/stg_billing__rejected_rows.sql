{#- Every rejected raw row of the billing system, one row each, with its reason. -#}

with

base_plans as (

    select
        plan_id,
        rejection_reason
    from {{ ref('base_billing__plans') }}
    where rejection_reason is not null

),

base_subscriptions as (

    select
        subscription_id,
        account_id,
        rejection_reason
    from {{ ref('base_billing__subscriptions') }}
    where rejection_reason is not null

),

base_invoices as (

    select
        invoice_id,
        account_id,
        rejection_reason
    from {{ ref('base_billing__invoices') }}
    where rejection_reason is not null

),

unioned as (

    select
        cast('billing_plans' as {{ dbt.type_string() }}) as source_table,
        cast(plan_id as {{ dbt.type_string() }}) as record_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_plans

    union all

    select
        cast('billing_subscriptions' as {{ dbt.type_string() }}) as source_table,
        cast(subscription_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_subscriptions

    union all

    select
        cast('billing_invoices' as {{ dbt.type_string() }}) as source_table,
        cast(invoice_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_invoices

),

final as (

    select
        source_table,
        record_id,
        account_id,
        rejection_reason
    from unioned

)

select * from final
