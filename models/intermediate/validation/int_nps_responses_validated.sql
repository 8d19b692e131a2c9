{{ validated_model('crm_nps_responses', [
    'response_id', 'account_id', 'contact_id', 'nps_score', 'submitted_at',
]) }}
