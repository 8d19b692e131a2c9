{{ rows_rejected_model('crm') }}
