{{ dq_checks_union([
    ref('int_dq_usable_billing_measured'),
    ref('int_dq_usable_crm_accounts_measured'),
    ref('int_dq_usable_crm_contacts_measured'),
    ref('int_dq_usable_product_measured'),
    ref('int_dq_usable_reference_measured'),
    ref('int_dq_usable_customer_matching_measured'),
]) }}
