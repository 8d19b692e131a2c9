{{ dq_measure([
    dq_completeness(ref('stg_crm__accounts'), [
        'account_id', 'account_name', 'created_at', 'csm_owner', 'segment',
    ]),
    dq_validity(ref('stg_crm__accounts'), {
        'segment': "segment in ('smb', 'mid_market', 'enterprise')",
    }),
    dq_consistency(
        ref('stg_crm__accounts'), 'parent_account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_completeness(ref('stg_crm__interventions'), [
        'account_id', 'intervention_id', 'opened_at', 'trigger_reason',
    ]),
    dq_validity(ref('stg_crm__interventions'), {
        'closed_at': 'closed_at is null or closed_at >= opened_at',
        'first_action_at': 'first_action_at is null or first_action_at >= opened_at',
    }),
    dq_freshness(ref('stg_crm__interventions'), 'opened_at'),
    dq_consistency(
        ref('stg_crm__interventions'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_completeness(ref('stg_crm__milestones'), [
        'account_id', 'milestone_id', 'milestone_name', 'milestone_type', 'planned_date',
    ]),
    dq_freshness(ref('stg_crm__milestones'), 'completed_at'),
    dq_consistency(
        ref('stg_crm__milestones'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_completeness(ref('stg_crm__opportunities'), [
        'account_id', 'amount', 'close_date', 'created_at', 'currency', 'opportunity_id',
        'opportunity_type',
    ]),
    dq_validity(ref('stg_crm__opportunities'), {
        'amount': 'amount >= 0',
        'is_won': 'is_closed or not is_won',
    }),
    dq_freshness(ref('stg_crm__opportunities'), 'created_at'),
    dq_consistency(
        ref('stg_crm__opportunities'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
]) }}
