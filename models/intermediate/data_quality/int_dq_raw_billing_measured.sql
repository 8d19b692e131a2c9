{{ dq_measure([
    dq_completeness(ref('stg_billing__invoices'), [
        'account_id', 'amount_due', 'currency', 'due_date', 'invoice_date', 'invoice_id',
        'invoice_status', 'subscription_id',
    ]),
    dq_validity(ref('stg_billing__invoices'), {
        'amount_due': 'amount_due >= 0',
        'amount_paid': 'amount_paid is null or amount_paid between 0 and amount_due',
        'due_date': 'due_date >= invoice_date',
    }),
    dq_freshness(ref('stg_billing__invoices'), 'invoice_date'),
    dq_consistency(
        ref('stg_billing__invoices'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_consistency(
        ref('stg_billing__invoices'), 'subscription_id',
        ref('stg_billing__subscriptions'), 'subscription_id'
    ),
    dq_completeness(ref('stg_billing__plans'), [
        'billing_interval', 'currency', 'plan_id', 'unit_amount',
    ]),
    dq_validity(ref('stg_billing__plans'), {
        'billing_interval': "billing_interval in ('month', 'year')",
        'unit_amount': 'unit_amount >= 0',
    }),
    dq_completeness(ref('stg_billing__subscriptions'), [
        'account_id', 'plan_id', 'quantity', 'started_at', 'subscription_id',
    ]),
    dq_validity(ref('stg_billing__subscriptions'), {
        'discount_percent': 'discount_percent between 0 and 100',
        'ended_at': 'ended_at is null or ended_at > started_at',
        'quantity': 'quantity > 0',
    }),
    dq_freshness(ref('stg_billing__subscriptions'), 'started_at'),
    dq_consistency(
        ref('stg_billing__subscriptions'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_consistency(
        ref('stg_billing__subscriptions'), 'plan_id', ref('stg_billing__plans'), 'plan_id'
    ),
]) }}
