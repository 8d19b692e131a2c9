{{ validated_model('billing_plans', [
    'plan_id', 'plan_name', 'plan_tier', 'billing_interval', 'price_kind', 'currency', 'unit_amount',
    'interval_count', 'is_add_on',
]) }}
