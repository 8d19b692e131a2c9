{{ rows_rejected_model('reference') }}
