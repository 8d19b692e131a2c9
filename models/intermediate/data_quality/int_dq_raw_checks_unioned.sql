{{ dq_checks_union([
    ref('int_dq_raw_billing_measured'),
    ref('int_dq_raw_crm_accounts_measured'),
    ref('int_dq_raw_crm_contacts_measured'),
    ref('int_dq_raw_product_measured'),
    ref('int_dq_raw_reference_measured'),
    ref('int_dq_raw_customer_matching_measured'),
]) }}
