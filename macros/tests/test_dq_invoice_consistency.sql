{#-
    Data-quality consistency of billing (SPEC section 8: invoice totals match subscription
    MRR): the share of invoices with a subscription_id that agree with the subscription row
    they bill (account, plan currency, amount_due = the price of one billing period within
    the tolerance; a pro-rata subscription_update charge above 0 and not above it) must beat
    the target (var dq_consistency_target, > 0.98 by default). See dq_invoice_consistency_ratio.
-#}
{% test dq_invoice_consistency(
    model, subscriptions, plans, amount_tolerance=none, threshold=none, comparison=none
) %}
    {{ dq_test(
        'dq_invoice_consistency', model,
        {'subscriptions': subscriptions, 'plans': plans, 'amount_tolerance': amount_tolerance},
        threshold, comparison
    ) }}
{% endtest %}
