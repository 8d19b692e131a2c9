{{ dq_measure([
    dq_accuracy(ref('int_contacts_validated'), ref('int_crm_rows_rejected'), 'crm_contacts'),
    dq_completeness(ref('int_contacts_validated'), ['email', 'full_name']),
    dq_validity(ref('int_contacts_validated'), {
        'left_company_at': 'left_company_at is null or left_company_at >= created_at',
    }),
    dq_accuracy(ref('int_activities_validated'), ref('int_crm_rows_rejected'), 'crm_activities'),
    dq_accuracy(
        ref('int_nps_responses_validated'), ref('int_crm_rows_rejected'), 'crm_nps_responses'
    ),
    dq_validity(ref('int_nps_responses_validated'), {
        'nps_score': 'nps_score between 0 and 10',
    }),
    dq_accuracy(
        ref('int_support_tickets_validated'), ref('int_crm_rows_rejected'), 'crm_support_tickets'
    ),
    dq_completeness(ref('int_support_tickets_validated'), ['priority']),
    dq_validity(ref('int_support_tickets_validated'), {
        'csat_rating': 'csat_rating is null or csat_rating between 1 and 5',
        'first_response_at': 'first_response_at is null or first_response_at >= created_at',
        'solved_at': 'solved_at is null or solved_at >= created_at',
    }),
]) }}
