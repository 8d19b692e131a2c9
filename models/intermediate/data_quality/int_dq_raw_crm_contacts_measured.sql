{{ dq_measure([
    dq_completeness(ref('stg_crm__contacts'), [
        'account_id', 'contact_id', 'created_at', 'email', 'full_name',
    ], present_when={'email': 'has_email'}),
    dq_validity(ref('stg_crm__contacts'), {
        'left_company_at': 'left_company_at is null or left_company_at >= created_at',
    }),
    dq_freshness(ref('stg_crm__contacts'), 'created_at'),
    dq_consistency(
        ref('stg_crm__contacts'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_completeness(ref('stg_crm__activities'), [
        'account_id', 'activity_id', 'activity_type', 'occurred_at',
    ]),
    dq_freshness(ref('stg_crm__activities'), 'occurred_at'),
    dq_consistency(
        ref('stg_crm__activities'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_consistency(
        ref('stg_crm__activities'), 'contact_id', ref('stg_crm__contacts'), 'contact_id'
    ),
    dq_completeness(ref('stg_crm__nps_responses'), [
        'account_id', 'nps_score', 'response_id', 'submitted_at',
    ]),
    dq_validity(ref('stg_crm__nps_responses'), {
        'nps_score': 'nps_score between 0 and 10',
    }),
    dq_freshness(ref('stg_crm__nps_responses'), 'submitted_at'),
    dq_consistency(
        ref('stg_crm__nps_responses'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_consistency(
        ref('stg_crm__nps_responses'), 'contact_id', ref('stg_crm__contacts'), 'contact_id'
    ),
    dq_completeness(ref('stg_crm__support_tickets'), [
        'account_id', 'created_at', 'priority', 'ticket_id', 'ticket_status',
    ]),
    dq_validity(ref('stg_crm__support_tickets'), {
        'csat_rating': 'csat_rating is null or csat_rating between 1 and 5',
        'first_response_at': 'first_response_at is null or first_response_at >= created_at',
        'solved_at': 'solved_at is null or solved_at >= created_at',
    }),
    dq_freshness(ref('stg_crm__support_tickets'), 'created_at'),
    dq_consistency(
        ref('stg_crm__support_tickets'), 'account_id', ref('stg_crm__accounts'), 'account_id'
    ),
    dq_consistency(
        ref('stg_crm__support_tickets'), 'contact_id', ref('stg_crm__contacts'), 'contact_id'
    ),
]) }}
