{{ validated_model('crm_support_tickets', [
    'ticket_id', 'account_id', 'contact_id', 'priority', 'ticket_status', 'csat_rating',
    'is_escalated', 'created_at', 'first_response_at', 'solved_at',
]) }}
