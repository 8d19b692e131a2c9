{{ dq_measure(
    dq_table_checks(
        ref('stg_reference__acquisition_costs'),
        populated=[
            'month_start_date', 'new_customers_won', 'sales_marketing_spend_usd', 'segment',
        ],
        rules={
            'new_customers_won': 'new_customers_won >= 0',
            'sales_marketing_spend_usd': 'sales_marketing_spend_usd >= 0',
        },
        loaded_at='month_start_date',
    )
    + dq_table_checks(
        ref('stg_reference__fx_rates'),
        populated=['currency', 'month_start_date', 'rate_to_usd'],
        rules={'rate_to_usd': 'rate_to_usd > 0'},
        loaded_at='month_start_date',
    )
    + dq_table_checks(
        ref('stg_reference__kpi_targets'),
        populated=['comparison', 'kpi_name', 'target_value'],
    )
) }}
