{{ validated_model('acquisition_costs', [
    'month_start_date', 'segment', 'sales_marketing_spend_usd', 'new_customers_won',
]) }}
