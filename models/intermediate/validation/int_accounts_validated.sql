{{ validated_model('crm_accounts', [
    'account_id', 'parent_account_id', 'account_name', 'industry', 'segment', 'region',
    'csm_owner', 'created_at',
]) }}
