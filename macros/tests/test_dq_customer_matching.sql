{#-
    Data-quality cross-system customer matching (SPEC section 8): of the distinct account ids
    seen in the model (the CRM accounts) or in any relation of match_in (e.g. billing
    subscriptions, product users), the share found in all of them must reach the target (var
    dq_customer_matching_target, >= 0.95 by default). Fails with one row naming the model,
    column, measured ratio and threshold.
-#}
{% test dq_customer_matching(model, column_name, match_in, threshold=none, comparison=none) %}
    {{ dq_test(
        'dq_customer_matching', model, {'column_name': column_name, 'match_in': match_in},
        threshold, comparison
    ) }}
{% endtest %}
