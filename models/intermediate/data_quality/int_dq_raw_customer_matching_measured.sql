{{ dq_measure([
    dq_customer_matching(
        ref('stg_crm__accounts'), 'account_id',
        [ref('stg_billing__subscriptions'), ref('stg_product__users')]
    ),
]) }}
