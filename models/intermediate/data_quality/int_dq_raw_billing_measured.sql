{{ dq_measure(
    dq_table_checks(
        ref('stg_billing__invoices'),
        populated=[
            'account_id', 'amount_due', 'currency', 'due_date', 'invoice_date', 'invoice_id',
            'invoice_status', 'subscription_id',
        ],
        rules={
            'amount_due': 'amount_due >= 0',
            'amount_paid': 'amount_paid is null or amount_paid between 0 and amount_due',
            'due_date': 'due_date >= invoice_date',
        },
        loaded_at='invoice_date',
        references={
            'account_id': ref('stg_crm__accounts'),
            'subscription_id': ref('stg_billing__subscriptions'),
        },
    )
    + dq_table_checks(
        ref('stg_billing__plans'),
        populated=['billing_interval', 'currency', 'plan_id', 'unit_amount'],
        rules={
            'billing_interval': "billing_interval in ('month', 'year')",
            'unit_amount': 'unit_amount >= 0',
        },
    )
    + dq_table_checks(
        ref('stg_billing__subscriptions'),
        populated=['account_id', 'plan_id', 'quantity', 'started_at', 'subscription_id'],
        rules={
            'discount_percent': 'discount_percent is null or discount_percent between 0 and 100',
            'ended_at': 'ended_at is null or ended_at > started_at',
            'quantity': 'quantity > 0',
        },
        loaded_at='started_at',
        references={
            'account_id': ref('stg_crm__accounts'),
            'plan_id': ref('stg_billing__plans'),
        },
    )
) }}
