{{ dq_measure([
    dq_accuracy(ref('int_invoices_validated'), source('billing', 'billing_invoices')),
    dq_accuracy(ref('int_plans_validated'), source('billing', 'billing_plans')),
    dq_accuracy(ref('int_subscriptions_validated'), source('billing', 'billing_subscriptions')),
    dq_accuracy(ref('int_accounts_validated'), source('crm', 'crm_accounts')),
    dq_accuracy(ref('int_activities_validated'), source('crm', 'crm_activities')),
    dq_accuracy(ref('int_contacts_validated'), source('crm', 'crm_contacts')),
    dq_accuracy(ref('int_interventions_validated'), source('crm', 'crm_interventions')),
    dq_accuracy(ref('int_milestones_validated'), source('crm', 'crm_milestones')),
    dq_accuracy(ref('int_nps_responses_validated'), source('crm', 'crm_nps_responses')),
    dq_accuracy(ref('int_opportunities_validated'), source('crm', 'crm_opportunities')),
    dq_accuracy(ref('int_support_tickets_validated'), source('crm', 'crm_support_tickets')),
    dq_accuracy(ref('int_events_validated'), source('product', 'product_events')),
    dq_accuracy(ref('int_users_validated'), source('product', 'product_users')),
    dq_accuracy(
        ref('int_acquisition_costs_validated'), source('reference', 'acquisition_costs')
    ),
    dq_accuracy(ref('int_fx_rates_validated'), source('reference', 'fx_rates')),
    dq_accuracy(ref('int_kpi_targets_validated'), source('reference', 'kpi_targets')),
    dq_completeness(ref('int_invoices_validated'), ['due_date']),
    dq_invoice_consistency(
        ref('int_invoices_validated'), ref('int_subscriptions_validated'), ref('int_plans_validated')
    ),
    dq_validity(ref('int_invoices_validated'), {
        'amount_due': 'amount_due >= 0',
        'amount_paid': 'amount_paid is null or amount_paid between 0 and amount_due',
        'due_date': 'due_date >= invoice_date',
    }),
    dq_validity(ref('int_plans_validated'), {
        'unit_amount': 'unit_amount >= 0',
    }),
    dq_completeness(ref('int_subscriptions_validated'), ['discount_percent']),
    dq_validity(ref('int_subscriptions_validated'), {
        'discount_percent': 'discount_percent between 0 and 100',
        'ended_at': 'ended_at is null or ended_at > started_at',
        'quantity': 'quantity > 0',
    }),
    dq_completeness(ref('int_accounts_validated'), ['account_name', 'csm_owner', 'industry', 'region']),
    dq_customer_matching(
        ref('int_accounts_validated'), 'account_id',
        [ref('int_subscriptions_validated'), ref('int_users_validated')]
    ),
    dq_completeness(ref('int_contacts_validated'), ['email', 'full_name']),
    dq_validity(ref('int_contacts_validated'), {
        'left_company_at': 'left_company_at is null or left_company_at >= created_at',
    }),
    dq_validity(ref('int_interventions_validated'), {
        'closed_at': 'closed_at is null or closed_at >= opened_at',
        'first_action_at': 'first_action_at is null or first_action_at >= opened_at',
    }),
    dq_completeness(ref('int_milestones_validated'), ['planned_date']),
    dq_validity(ref('int_nps_responses_validated'), {
        'nps_score': 'nps_score between 0 and 10',
    }),
    dq_completeness(ref('int_opportunities_validated'), ['amount', 'close_date']),
    dq_validity(ref('int_opportunities_validated'), {
        'amount': 'amount >= 0',
        'is_won': 'is_closed or not is_won',
    }),
    dq_completeness(ref('int_support_tickets_validated'), ['priority']),
    dq_validity(ref('int_support_tickets_validated'), {
        'csat_rating': 'csat_rating is null or csat_rating between 1 and 5',
        'first_response_at': 'first_response_at is null or first_response_at >= created_at',
        'solved_at': 'solved_at is null or solved_at >= created_at',
    }),
    dq_validity(ref('int_events_validated'), {
        'duration_seconds': 'duration_seconds is null or duration_seconds >= 0',
        'received_at': 'received_at >= occurred_at',
    }),
    dq_completeness(ref('int_users_validated'), ['email']),
    dq_validity(ref('int_users_validated'), {
        'deactivated_at': 'deactivated_at is null or deactivated_at >= created_at',
    }),
    dq_validity(ref('int_acquisition_costs_validated'), {
        'new_customers_won': 'new_customers_won >= 0',
        'sales_marketing_spend_usd': 'sales_marketing_spend_usd >= 0',
    }),
    dq_validity(ref('int_fx_rates_validated'), {
        'rate_to_usd': 'rate_to_usd > 0',
    }),
]) }}
