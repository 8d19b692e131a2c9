{{ dq_measure([
    dq_completeness(ref('stg_product__events'), [
        'account_id', 'event_id', 'event_name', 'occurred_at', 'received_at',
    ]),
    dq_validity(ref('stg_product__events'), {
        'duration_seconds': 'duration_seconds is null or duration_seconds >= 0',
        'received_at': 'received_at >= occurred_at',
    }),
    dq_freshness(ref('stg_product__events'), 'received_at'),
    dq_consistency(
        ref('stg_product__events'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_consistency(
        ref('stg_product__events'), 'user_id', ref('stg_product__users'), 'user_id'
    ),
    dq_completeness(ref('stg_product__users'), [
        'account_id', 'created_at', 'email', 'user_id',
    ], present_when={'email': 'has_email'}),
    dq_validity(ref('stg_product__users'), {
        'deactivated_at': 'deactivated_at is null or deactivated_at >= created_at',
    }),
    dq_freshness(ref('stg_product__users'), 'created_at'),
    dq_consistency(
        ref('stg_product__users'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
]) }}
