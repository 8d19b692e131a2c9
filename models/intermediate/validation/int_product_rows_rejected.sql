{{ rows_rejected_model('product') }}
