{{ validated_model('crm_milestones', [
    'milestone_id', 'account_id', 'milestone_type', 'milestone_name', 'planned_date',
    'completed_at',
]) }}
