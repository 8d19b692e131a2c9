{{ validated_model('billing_invoices', [
    'invoice_id', 'account_id', 'subscription_id', 'invoice_status', 'billing_reason',
    'currency', 'amount_due', 'amount_paid', 'invoice_date', 'due_date', 'paid_at',
]) }}
