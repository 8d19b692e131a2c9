{#-
    Data-quality freshness compliance (SPEC section 8), relative to as_of_date, never the
    wall clock: of the window_days days ending at as_of_date (var dq_freshness_window_days, 90),
    the share on which the source was within its freshness window (a row dated in the
    max_age_days days up to that day) must beat the target (var dq_freshness_target, > 0.98).
    On a source, column_name defaults to its loaded_at_field and max_age_days to its
    freshness error_after. Fails with one row naming the model, measured ratio and threshold.
-#}
{% test dq_freshness(
    model, column_name=none, max_age_days=none, window_days=none, threshold=none,
    comparison=none
) %}
    {{ dq_test(
        'dq_freshness', model,
        {'column_name': column_name, 'max_age_days': max_age_days, 'window_days': window_days},
        threshold, comparison
    ) }}
{% endtest %}
