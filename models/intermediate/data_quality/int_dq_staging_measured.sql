{{ dq_measure([
    dq_accuracy(ref('stg_billing__invoices'), source('billing', 'billing_invoices')),
    dq_accuracy(ref('stg_billing__plans'), source('billing', 'billing_plans')),
    dq_accuracy(ref('stg_billing__subscriptions'), source('billing', 'billing_subscriptions')),
    dq_accuracy(ref('stg_crm__accounts'), source('crm', 'crm_accounts')),
    dq_accuracy(ref('stg_crm__activities'), source('crm', 'crm_activities')),
    dq_accuracy(ref('stg_crm__contacts'), source('crm', 'crm_contacts')),
    dq_accuracy(ref('stg_crm__interventions'), source('crm', 'crm_interventions')),
    dq_accuracy(ref('stg_crm__milestones'), source('crm', 'crm_milestones')),
    dq_accuracy(ref('stg_crm__nps_responses'), source('crm', 'crm_nps_responses')),
    dq_accuracy(ref('stg_crm__opportunities'), source('crm', 'crm_opportunities')),
    dq_accuracy(ref('stg_crm__support_tickets'), source('crm', 'crm_support_tickets')),
    dq_accuracy(ref('stg_product__events'), source('product', 'product_events')),
    dq_accuracy(ref('stg_product__users'), source('product', 'product_users')),
    dq_accuracy(
        ref('stg_reference__acquisition_costs'), source('reference', 'acquisition_costs')
    ),
    dq_accuracy(ref('stg_reference__fx_rates'), source('reference', 'fx_rates')),
    dq_accuracy(ref('stg_reference__kpi_targets'), source('reference', 'kpi_targets')),
    dq_completeness(ref('stg_billing__invoices'), ['due_date']),
    dq_invoice_consistency(
        ref('stg_billing__invoices'), ref('stg_billing__subscriptions'), ref('stg_billing__plans')
    ),
    dq_validity(ref('stg_billing__invoices'), {
        'amount_due': 'amount_due >= 0',
        'amount_paid': 'amount_paid is null or amount_paid between 0 and amount_due',
        'due_date': 'due_date >= invoice_date',
    }),
    dq_validity(ref('stg_billing__plans'), {
        'unit_amount': 'unit_amount >= 0',
    }),
    dq_completeness(ref('stg_billing__subscriptions'), ['discount_percent']),
    dq_validity(ref('stg_billing__subscriptions'), {
        'discount_percent': 'discount_percent between 0 and 100',
        'ended_at': 'ended_at is null or ended_at > started_at',
        'quantity': 'quantity > 0',
    }),
    dq_completeness(ref('stg_crm__accounts'), ['account_name', 'csm_owner', 'industry', 'region']),
    dq_customer_matching(
        ref('stg_crm__accounts'), 'account_id',
        [ref('stg_billing__subscriptions'), ref('stg_product__users')]
    ),
    dq_completeness(ref('stg_crm__contacts'), ['email', 'full_name']),
    dq_validity(ref('stg_crm__contacts'), {
        'left_company_at': 'left_company_at is null or left_company_at >= created_at',
    }),
    dq_validity(ref('stg_crm__interventions'), {
        'closed_at': 'closed_at is null or closed_at >= opened_at',
        'first_action_at': 'first_action_at is null or first_action_at >= opened_at',
    }),
    dq_completeness(ref('stg_crm__milestones'), ['planned_date']),
    dq_validity(ref('stg_crm__nps_responses'), {
        'nps_score': 'nps_score between 0 and 10',
    }),
    dq_completeness(ref('stg_crm__opportunities'), ['amount', 'close_date']),
    dq_validity(ref('stg_crm__opportunities'), {
        'amount': 'amount >= 0',
        'is_won': 'is_closed or not is_won',
    }),
    dq_completeness(ref('stg_crm__support_tickets'), ['priority']),
    dq_validity(ref('stg_crm__support_tickets'), {
        'csat_rating': 'csat_rating is null or csat_rating between 1 and 5',
        'first_response_at': 'first_response_at is null or first_response_at >= created_at',
        'solved_at': 'solved_at is null or solved_at >= created_at',
    }),
    dq_validity(ref('stg_product__events'), {
        'duration_seconds': 'duration_seconds is null or duration_seconds >= 0',
        'received_at': 'received_at >= occurred_at',
    }),
    dq_completeness(ref('stg_product__users'), ['email']),
    dq_validity(ref('stg_product__users'), {
        'deactivated_at': 'deactivated_at is null or deactivated_at >= created_at',
    }),
    dq_validity(ref('stg_reference__acquisition_costs'), {
        'new_customers_won': 'new_customers_won >= 0',
        'sales_marketing_spend_usd': 'sales_marketing_spend_usd >= 0',
    }),
    dq_validity(ref('stg_reference__fx_rates'), {
        'rate_to_usd': 'rate_to_usd > 0',
    }),
]) }}
