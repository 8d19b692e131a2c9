{#-
    Data-quality completeness (SPEC section 8): the share of rows whose column is populated (not
    null, not blank) must beat the target (var dq_completeness_target, > 0.95 by default). Fails
    with one row naming the model, column, measured ratio and threshold.
-#}
{% test dq_completeness(model, column_name, where=none, threshold=none, comparison=none) %}
    {{ dq_test(
        'dq_completeness', model, {'column_name': column_name, 'where': where},
        threshold, comparison
    ) }}
{% endtest %}
