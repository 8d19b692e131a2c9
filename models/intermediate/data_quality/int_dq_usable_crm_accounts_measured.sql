{{ dq_measure([
    dq_accuracy(ref('int_accounts_validated'), ref('int_crm_rows_rejected'), 'crm_accounts'),
    dq_completeness(ref('int_accounts_validated'), ['account_name', 'csm_owner', 'industry', 'region']),
    dq_accuracy(
        ref('int_interventions_validated'), ref('int_crm_rows_rejected'), 'crm_interventions'
    ),
    dq_validity(ref('int_interventions_validated'), {
        'closed_at': 'closed_at is null or closed_at >= opened_at',
        'first_action_at': 'first_action_at is null or first_action_at >= opened_at',
    }),
    dq_accuracy(ref('int_milestones_validated'), ref('int_crm_rows_rejected'), 'crm_milestones'),
    dq_completeness(ref('int_milestones_validated'), ['planned_date']),
    dq_accuracy(
        ref('int_opportunities_validated'), ref('int_crm_rows_rejected'), 'crm_opportunities'
    ),
    dq_completeness(ref('int_opportunities_validated'), ['amount', 'close_date']),
    dq_validity(ref('int_opportunities_validated'), {
        'amount': 'amount >= 0',
        'is_won': 'is_closed or not is_won',
    }),
]) }}
