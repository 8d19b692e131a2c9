{{ validated_model('crm_contacts', [
    'contact_id', 'account_id', 'full_name', 'email', 'job_title', 'is_champion',
    'is_executive_sponsor', 'is_email_valid', 'created_at', 'left_company_at',
]) }}
