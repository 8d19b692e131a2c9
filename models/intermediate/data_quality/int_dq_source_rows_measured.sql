{{ dq_measure([
    dq_completeness(source('billing', 'billing_invoices'), [
        'account_id', 'amount_due', 'currency', 'due_date', 'invoice_date', 'invoice_id', 'status',
        'subscription_id',
    ]),
    dq_validity(source('billing', 'billing_invoices'), {
        'amount_due': 'amount_due >= 0',
        'amount_paid': 'amount_paid is null or amount_paid between 0 and amount_due',
        'due_date': 'due_date >= invoice_date',
    }),
    dq_completeness(source('billing', 'billing_plans'), [
        'billing_interval', 'currency', 'plan_id', 'unit_amount',
    ]),
    dq_validity(source('billing', 'billing_plans'), {
        'billing_interval': "lower(trim(billing_interval)) in ('month', 'year')",
        'unit_amount': 'unit_amount >= 0',
    }),
    dq_completeness(source('billing', 'billing_subscriptions'), [
        'account_id', 'plan_id', 'quantity', 'started_at', 'subscription_id',
    ]),
    dq_validity(source('billing', 'billing_subscriptions'), {
        'discount_percent': 'discount_percent between 0 and 100',
        'ended_at': 'ended_at is null or ended_at > started_at',
        'quantity': 'quantity > 0',
    }),
    dq_completeness(source('crm', 'crm_accounts'), [
        'account_id', 'account_name', 'created_at', 'csm_owner', 'segment',
    ]),
    dq_validity(source('crm', 'crm_accounts'), {
        'segment': "lower(trim(segment)) in ('smb', 'mid_market', 'enterprise')",
    }),
    dq_completeness(source('crm', 'crm_activities'), [
        'account_id', 'activity_id', 'activity_type', 'occurred_at',
    ]),
    dq_completeness(source('crm', 'crm_contacts'), [
        'account_id', 'contact_id', 'created_at', 'email', 'full_name',
    ]),
    dq_validity(source('crm', 'crm_contacts'), {
        'left_company_at': 'left_company_at is null or left_company_at >= created_at',
    }),
    dq_completeness(source('crm', 'crm_interventions'), [
        'account_id', 'intervention_id', 'opened_at', 'trigger_reason',
    ]),
    dq_validity(source('crm', 'crm_interventions'), {
        'closed_at': 'closed_at is null or closed_at >= opened_at',
        'first_action_at': 'first_action_at is null or first_action_at >= opened_at',
    }),
    dq_completeness(source('crm', 'crm_milestones'), [
        'account_id', 'milestone_id', 'milestone_name', 'milestone_type', 'planned_date',
    ]),
    dq_completeness(source('crm', 'crm_nps_responses'), [
        'account_id', 'response_id', 'score', 'submitted_at',
    ]),
    dq_validity(source('crm', 'crm_nps_responses'), {
        'score': 'score between 0 and 10',
    }),
    dq_completeness(source('crm', 'crm_opportunities'), [
        'account_id', 'amount', 'close_date', 'created_at', 'currency', 'opportunity_id',
        'opportunity_type',
    ]),
    dq_validity(source('crm', 'crm_opportunities'), {
        'amount': 'amount >= 0',
        'is_won': 'is_closed or not is_won',
    }),
    dq_completeness(source('crm', 'crm_support_tickets'), [
        'account_id', 'created_at', 'priority', 'status', 'ticket_id',
    ]),
    dq_validity(source('crm', 'crm_support_tickets'), {
        'csat_rating': 'csat_rating is null or csat_rating between 1 and 5',
        'first_response_at': 'first_response_at is null or first_response_at >= created_at',
        'solved_at': 'solved_at is null or solved_at >= created_at',
    }),
    dq_completeness(source('product', 'product_events'), [
        'account_id', 'event_id', 'event_name', 'occurred_at', 'received_at',
    ]),
    dq_validity(source('product', 'product_events'), {
        'duration_seconds': 'duration_seconds is null or duration_seconds >= 0',
        'received_at': 'received_at >= occurred_at',
    }),
    dq_completeness(source('product', 'product_users'), [
        'account_id', 'created_at', 'email', 'user_id',
    ]),
    dq_validity(source('product', 'product_users'), {
        'deactivated_at': 'deactivated_at is null or deactivated_at >= created_at',
    }),
    dq_completeness(source('reference', 'acquisition_costs'), [
        'month', 'new_customers_won', 'sales_marketing_spend_usd', 'segment',
    ]),
    dq_validity(source('reference', 'acquisition_costs'), {
        'new_customers_won': 'new_customers_won >= 0',
        'sales_marketing_spend_usd': 'sales_marketing_spend_usd >= 0',
    }),
    dq_completeness(source('reference', 'fx_rates'), ['currency', 'month', 'rate_to_usd']),
    dq_validity(source('reference', 'fx_rates'), {
        'rate_to_usd': 'rate_to_usd > 0',
    }),
    dq_completeness(source('reference', 'kpi_targets'), ['comparison', 'kpi_name', 'target_value']),
]) }}
