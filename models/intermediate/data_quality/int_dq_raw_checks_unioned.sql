with

billing_checks as (

    select * from {{ ref('int_dq_raw_billing_measured') }}

),

crm_account_checks as (

    select * from {{ ref('int_dq_raw_crm_accounts_measured') }}

),

crm_contact_checks as (

    select * from {{ ref('int_dq_raw_crm_contacts_measured') }}

),

product_checks as (

    select * from {{ ref('int_dq_raw_product_measured') }}

),

reference_checks as (

    select * from {{ ref('int_dq_raw_reference_measured') }}

),

customer_matching_checks as (

    select * from {{ ref('int_dq_raw_customer_matching_measured') }}

),

checks as (

    select * from billing_checks
    union all
    select * from crm_account_checks
    union all
    select * from crm_contact_checks
    union all
    select * from product_checks
    union all
    select * from reference_checks
    union all
    select * from customer_matching_checks

),

final as (

    select
        check_id,
        dimension,
        check_name,
        resource_type,
        model_name,
        column_name,
        check_rule,
        unit,
        numerator,
        denominator,
        failing_count,
        measured_ratio,
        threshold,
        comparison,
        status
    from checks

)

select * from final
