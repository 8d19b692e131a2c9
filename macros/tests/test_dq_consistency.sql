{#-
    Data-quality consistency (SPEC section 8): the share of rows with a key whose key is found
    in another relation (e.g. a billing account_id in the CRM accounts) must beat the target
    (var dq_consistency_target, > 0.98 by default). Rows without a key are left out (a
    completeness check measures them). Fails with one row naming the model, column, measured
    ratio and threshold.
-#}
{% test dq_consistency(
    model, column_name, to, field, where=none, threshold=none, comparison=none
) %}
    {{ dq_test(
        'dq_consistency', model,
        {'column_name': column_name, 'to': to, 'field': field, 'where': where},
        threshold, comparison
    ) }}
{% endtest %}
