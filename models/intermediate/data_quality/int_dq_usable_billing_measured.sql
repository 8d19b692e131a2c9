{{ dq_measure([
    dq_accuracy(ref('int_invoices_validated'), ref('int_billing_rows_rejected'), 'billing_invoices'),
    dq_accuracy(ref('int_plans_validated'), ref('int_billing_rows_rejected'), 'billing_plans'),
    dq_accuracy(
        ref('int_subscriptions_validated'), ref('int_billing_rows_rejected'),
        'billing_subscriptions'
    ),
    dq_completeness(ref('int_invoices_validated'), ['due_date']),
    dq_validity(ref('int_invoices_validated'), {
        'amount_due': 'amount_due >= 0',
        'amount_paid': 'amount_paid is null or amount_paid between 0 and amount_due',
        'due_date': 'due_date >= invoice_date',
    }),
    dq_invoice_consistency(
        ref('int_invoices_validated'), ref('int_subscriptions_validated'), ref('int_plans_validated')
    ),
    dq_validity(ref('int_plans_validated'), {
        'unit_amount': 'unit_amount >= 0',
    }),
    dq_validity(ref('int_subscriptions_validated'), {
        'discount_percent': 'discount_percent is null or discount_percent between 0 and 100',
        'ended_at': 'ended_at is null or ended_at > started_at',
        'quantity': 'quantity > 0',
    }),
]) }}
