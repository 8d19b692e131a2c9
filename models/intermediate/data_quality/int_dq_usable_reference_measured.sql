{{ dq_measure([
    dq_accuracy(
        ref('int_acquisition_costs_validated'), ref('int_reference_rows_rejected'),
        'acquisition_costs'
    ),
    dq_validity(ref('int_acquisition_costs_validated'), {
        'new_customers_won': 'new_customers_won >= 0',
        'sales_marketing_spend_usd': 'sales_marketing_spend_usd >= 0',
    }),
    dq_accuracy(ref('int_fx_rates_validated'), ref('int_reference_rows_rejected'), 'fx_rates'),
    dq_validity(ref('int_fx_rates_validated'), {
        'rate_to_usd': 'rate_to_usd > 0',
    }),
    dq_accuracy(
        ref('int_kpi_targets_validated'), ref('int_reference_rows_rejected'), 'kpi_targets'
    ),
]) }}
