{{ dq_measure([
    dq_accuracy(ref('int_events_validated'), ref('int_product_rows_rejected'), 'product_events'),
    dq_validity(ref('int_events_validated'), {
        'duration_seconds': 'duration_seconds is null or duration_seconds >= 0',
        'received_at': 'received_at >= occurred_at',
    }),
    dq_accuracy(ref('int_users_validated'), ref('int_product_rows_rejected'), 'product_users'),
    dq_completeness(ref('int_users_validated'), ['email']),
    dq_validity(ref('int_users_validated'), {
        'deactivated_at': 'deactivated_at is null or deactivated_at >= created_at',
    }),
]) }}
