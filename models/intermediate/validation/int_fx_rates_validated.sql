{{ validated_model('fx_rates', [
    'currency', 'month_start_date', 'rate_to_usd',
]) }}
