{{ dq_measure([
    dq_completeness(source('billing', 'billing_invoices'), [
        'account_id', 'amount_due', 'currency', 'due_date', 'invoice_date', 'invoice_id', 'status',
        'subscription_id',
    ]),
    dq_completeness(source('billing', 'billing_plans'), [
        'billing_interval', 'currency', 'plan_id', 'unit_amount',
    ]),
    dq_completeness(source('billing', 'billing_subscriptions'), [
        'account_id', 'plan_id', 'quantity', 'started_at', 'subscription_id',
    ]),
    dq_completeness(source('crm', 'crm_accounts'), [
        'account_id', 'account_name', 'created_at', 'csm_owner', 'segment',
    ]),
    dq_completeness(source('crm', 'crm_activities'), [
        'account_id', 'activity_id', 'activity_type', 'occurred_at',
    ]),
    dq_completeness(source('crm', 'crm_contacts'), [
        'account_id', 'contact_id', 'created_at', 'email', 'full_name',
    ]),
    dq_completeness(source('crm', 'crm_interventions'), [
        'account_id', 'intervention_id', 'opened_at', 'trigger_reason',
    ]),
    dq_completeness(source('crm', 'crm_milestones'), [
        'account_id', 'milestone_id', 'milestone_name', 'milestone_type', 'planned_date',
    ]),
    dq_completeness(source('crm', 'crm_nps_responses'), [
        'account_id', 'response_id', 'score', 'submitted_at',
    ]),
    dq_completeness(source('crm', 'crm_opportunities'), [
        'account_id', 'amount', 'close_date', 'created_at', 'currency', 'opportunity_id',
        'opportunity_type',
    ]),
    dq_completeness(source('crm', 'crm_support_tickets'), [
        'account_id', 'created_at', 'priority', 'status', 'ticket_id',
    ]),
    dq_completeness(source('product', 'product_events'), [
        'account_id', 'event_id', 'event_name', 'occurred_at', 'received_at',
    ]),
    dq_completeness(source('product', 'product_users'), [
        'account_id', 'created_at', 'email', 'user_id',
    ]),
    dq_completeness(source('reference', 'acquisition_costs'), [
        'month', 'new_customers_won', 'sales_marketing_spend_usd', 'segment',
    ]),
    dq_completeness(source('reference', 'fx_rates'), ['currency', 'month', 'rate_to_usd']),
    dq_completeness(source('reference', 'kpi_targets'), ['comparison', 'kpi_name', 'target_value']),
    dq_completeness(ref('stg_billing__invoices'), ['due_date']),
    dq_completeness(ref('stg_billing__subscriptions'), ['discount_percent']),
    dq_completeness(ref('stg_crm__accounts'), ['account_name', 'csm_owner', 'industry', 'region']),
    dq_completeness(ref('stg_crm__contacts'), ['email', 'full_name']),
    dq_completeness(ref('stg_crm__milestones'), ['planned_date']),
    dq_completeness(ref('stg_crm__opportunities'), ['amount', 'close_date']),
    dq_completeness(ref('stg_crm__support_tickets'), ['priority']),
    dq_completeness(ref('stg_product__users'), ['email']),
]) }}
