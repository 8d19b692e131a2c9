{{ dq_measure([
    dq_customer_matching(
        source('crm', 'crm_accounts'), 'account_id',
        [source('billing', 'billing_subscriptions'), source('product', 'product_users')]
    ),
    dq_customer_matching(
        ref('stg_crm__accounts'), 'account_id',
        [ref('stg_billing__subscriptions'), ref('stg_product__users')]
    ),
]) }}
