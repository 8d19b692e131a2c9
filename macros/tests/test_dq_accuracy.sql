{#-
    Data-quality accuracy (SPEC section 8): the share of the raw table's rows that pass every
    staging validity rule, i.e. are staged in the model rather than quarantined as rejected
    rows, must beat the target (var dq_accuracy_target, > 0.99 by default). Fails with one row
    naming the model, measured ratio and threshold.
-#}
{% test dq_accuracy(model, raw_relation, threshold=none, comparison=none) %}
    {{ dq_test(
        'dq_accuracy', model, {'raw_relation': raw_relation}, threshold, comparison
    ) }}
{% endtest %}
