{{ dq_measure([
    dq_completeness(ref('stg_reference__acquisition_costs'), [
        'month_start_date', 'new_customers_won', 'sales_marketing_spend_usd', 'segment',
    ]),
    dq_validity(ref('stg_reference__acquisition_costs'), {
        'new_customers_won': 'new_customers_won >= 0',
        'sales_marketing_spend_usd': 'sales_marketing_spend_usd >= 0',
    }),
    dq_freshness(ref('stg_reference__acquisition_costs'), 'month_start_date'),
    dq_completeness(ref('stg_reference__fx_rates'), [
        'currency', 'month_start_date', 'rate_to_usd',
    ]),
    dq_validity(ref('stg_reference__fx_rates'), {
        'rate_to_usd': 'rate_to_usd > 0',
    }),
    dq_freshness(ref('stg_reference__fx_rates'), 'month_start_date'),
    dq_completeness(ref('stg_reference__kpi_targets'), [
        'comparison', 'kpi_name', 'target_value',
    ]),
]) }}
