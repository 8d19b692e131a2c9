{{ validated_model('crm_opportunities', [
    'opportunity_id', 'account_id', 'opportunity_type', 'opportunity_stage',
    'opportunity_source', 'currency', 'amount', 'is_closed', 'is_won', 'close_date',
    'created_at',
]) }}
