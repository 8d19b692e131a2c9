{{ validated_model('product_users', [
    'user_id', 'account_id', 'email', 'user_role', 'is_email_valid', 'created_at',
    'deactivated_at',
]) }}
