{{ validated_model('billing_plans', [
    'plan_id', 'plan_name', 'plan_tier', 'billing_interval', 'currency', 'unit_amount',
]) }}
