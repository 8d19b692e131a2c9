{{ dq_measure(
    dq_table_checks(
        ref('stg_crm__contacts'),
        populated=['account_id', 'contact_id', 'created_at', 'email', 'full_name'],
        present_when={'email': 'has_email'},
        rules={'left_company_at': 'left_company_at is null or left_company_at >= created_at'},
        loaded_at='created_at',
        references={'account_id': ref('stg_crm__accounts')},
    )
    + dq_table_checks(
        ref('stg_crm__activities'),
        populated=['account_id', 'activity_id', 'activity_type', 'occurred_at'],
        loaded_at='occurred_at',
        references={
            'account_id': ref('stg_crm__accounts'),
            'contact_id': ref('stg_crm__contacts'),
        },
    )
    + dq_table_checks(
        ref('stg_crm__nps_responses'),
        populated=['account_id', 'nps_score', 'response_id', 'submitted_at'],
        rules={'nps_score': 'nps_score between 0 and 10'},
        loaded_at='submitted_at',
        references={
            'account_id': ref('stg_crm__accounts'),
            'contact_id': ref('stg_crm__contacts'),
        },
    )
    + dq_table_checks(
        ref('stg_crm__support_tickets'),
        populated=['account_id', 'created_at', 'priority', 'ticket_id', 'ticket_status'],
        rules={
            'csat_rating': 'csat_rating is null or csat_rating between 1 and 5',
            'first_response_at': 'first_response_at is null or first_response_at >= created_at',
            'solved_at': 'solved_at is null or solved_at >= created_at',
        },
        loaded_at='created_at',
        references={
            'account_id': ref('stg_crm__accounts'),
            'contact_id': ref('stg_crm__contacts'),
        },
    )
) }}
