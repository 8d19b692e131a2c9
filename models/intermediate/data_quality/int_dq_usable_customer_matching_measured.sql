{{ dq_measure([
    dq_customer_matching(
        ref('int_accounts_validated'), 'account_id',
        [ref('int_subscriptions_validated'), ref('int_users_validated')]
    ),
]) }}
