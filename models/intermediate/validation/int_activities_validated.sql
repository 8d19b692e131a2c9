{{ validated_model('crm_activities', [
    'activity_id', 'account_id', 'contact_id', 'activity_type', 'activity_owner', 'occurred_at',
]) }}
