{#-
    Data-quality validity, counted as accuracy (SPEC section 8: rows passing validity rules):
    the share of rows for which the SQL rule is true (null counts as failing) must beat the
    target (var dq_accuracy_target, > 0.99 by default). Fails with one row naming the model,
    column, rule, measured ratio and threshold.
-#}
{% test dq_validity(
    model, expression, column_name=none, where=none, threshold=none, comparison=none
) %}
    {{ dq_test(
        'dq_validity', model,
        {'column_name': column_name, 'expression': expression, 'where': where},
        threshold, comparison
    ) }}
{% endtest %}
