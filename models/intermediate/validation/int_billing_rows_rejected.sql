{{ rows_rejected_model('billing') }}
