{{ dq_measure(
    dq_table_checks(
        ref('stg_product__events'),
        populated=['account_id', 'event_id', 'event_name', 'occurred_at', 'received_at'],
        rules={
            'duration_seconds': 'duration_seconds is null or duration_seconds >= 0',
            'received_at': 'received_at >= occurred_at',
        },
        loaded_at='received_at',
        references={
            'account_id': ref('stg_crm__accounts'),
            'user_id': ref('stg_product__users'),
        },
    )
    + dq_table_checks(
        ref('stg_product__users'),
        populated=['account_id', 'created_at', 'email', 'user_id'],
        present_when={'email': 'has_email'},
        rules={'deactivated_at': 'deactivated_at is null or deactivated_at >= created_at'},
        loaded_at='created_at',
        references={'account_id': ref('stg_crm__accounts')},
    )
) }}
