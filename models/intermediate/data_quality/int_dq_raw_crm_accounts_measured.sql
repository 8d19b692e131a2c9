{{ dq_measure(
    dq_table_checks(
        ref('stg_crm__accounts'),
        populated=['account_id', 'account_name', 'created_at', 'csm_owner', 'segment'],
        rules={'segment': [
            'segment in (' ~ vocabulary_terms_sql('segment') ~ ')',
            'segment in the vocabulary of domain segment',
        ]},
        references={'parent_account_id': [ref('stg_crm__accounts'), 'account_id']},
    )
    + dq_table_checks(
        ref('stg_crm__interventions'),
        populated=['account_id', 'intervention_id', 'opened_at', 'trigger_reason'],
        rules={
            'closed_at': 'closed_at is null or closed_at >= opened_at',
            'first_action_at': 'first_action_at is null or first_action_at >= opened_at',
        },
        loaded_at='opened_at',
        references={'account_id': ref('stg_crm__accounts')},
    )
    + dq_table_checks(
        ref('stg_crm__milestones'),
        populated=[
            'account_id', 'milestone_id', 'milestone_name', 'milestone_type', 'planned_date',
        ],
        loaded_at='completed_at',
        references={'account_id': ref('stg_crm__accounts')},
    )
    + dq_table_checks(
        ref('stg_crm__opportunities'),
        populated=[
            'account_id', 'amount', 'close_date', 'created_at', 'currency', 'opportunity_id',
            'opportunity_type',
        ],
        rules={
            'amount': 'amount >= 0',
            'is_won': 'is_closed or not is_won',
        },
        loaded_at='created_at',
        references={'account_id': ref('stg_crm__accounts')},
    )
) }}
