{{ validated_model('crm_interventions', [
    'intervention_id', 'account_id', 'trigger_reason', 'playbook', 'outcome', 'opened_at',
    'first_action_at', 'closed_at',
]) }}
