{{ dq_measure([
    dq_consistency(
        source('billing', 'billing_invoices'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('billing', 'billing_invoices'), 'subscription_id',
        source('billing', 'billing_subscriptions'), 'subscription_id'
    ),
    dq_consistency(
        source('billing', 'billing_subscriptions'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('billing', 'billing_subscriptions'), 'plan_id',
        source('billing', 'billing_plans'), 'plan_id'
    ),
    dq_consistency(
        source('crm', 'crm_accounts'), 'parent_account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_activities'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_activities'), 'contact_id',
        source('crm', 'crm_contacts'), 'contact_id'
    ),
    dq_consistency(
        source('crm', 'crm_contacts'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_interventions'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_milestones'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_nps_responses'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_nps_responses'), 'contact_id',
        source('crm', 'crm_contacts'), 'contact_id'
    ),
    dq_consistency(
        source('crm', 'crm_opportunities'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_support_tickets'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('crm', 'crm_support_tickets'), 'contact_id',
        source('crm', 'crm_contacts'), 'contact_id'
    ),
    dq_consistency(
        source('product', 'product_events'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_consistency(
        source('product', 'product_events'), 'user_id',
        source('product', 'product_users'), 'user_id'
    ),
    dq_consistency(
        source('product', 'product_users'), 'account_id',
        source('crm', 'crm_accounts'), 'account_id'
    ),
    dq_customer_matching(
        source('crm', 'crm_accounts'), 'account_id',
        [source('billing', 'billing_subscriptions'), source('product', 'product_users')]
    ),
]) }}
