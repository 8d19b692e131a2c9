{{ validated_model('billing_subscriptions', [
    'subscription_id', 'account_id', 'plan_id', 'cancel_reason', 'quantity', 'discount_percent',
    'started_at', 'ended_at',
]) }}
