{{ validated_model('billing_subscriptions', [
    'subscription_id', 'account_id', 'plan_id', 'cancel_reason', 'quantity', 'discount_percent',
    'discount_amount', 'billed_amount', 'started_at', 'ended_at',
]) }}
