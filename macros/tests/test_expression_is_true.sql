{#-
    A row-level rule: fails with every row of the model for which the SQL expression is not
    true (null counts as a failure). A portable stand-in for dbt_utils.expression_is_true.
-#}
{% test expression_is_true(model, expression) %}

select *
from {{ model }}
where not coalesce(({{ expression }}), false)

{% endtest %}
