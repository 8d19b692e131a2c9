{#-
    The data-quality checks of one table, as a list of measures for dq_measure(): completeness of
    the `populated` columns (present_when as in dq_completeness), validity of the `rules`
    ({column: SQL boolean}), freshness on the `loaded_at` column, and consistency of each key of
    `references` ({column: relation whose same-named column holds the known keys}, or
    {column: [relation, field]} when that column is named otherwise). An argument left out adds
    no check.
-#}
{% macro dq_table_checks(
    relation, populated=[], rules={}, loaded_at=none, references={}, present_when={}
) %}
    {%- set measures = [] -%}
    {%- if populated -%}
        {%- do measures.append(dq_completeness(relation, populated, present_when)) -%}
    {%- endif -%}
    {%- if rules -%}
        {%- do measures.append(dq_validity(relation, rules)) -%}
    {%- endif -%}
    {%- if loaded_at -%}
        {%- do measures.append(dq_freshness(relation, loaded_at)) -%}
    {%- endif -%}
    {%- for column, known in references.items() -%}
        {%- if known.identifier is defined -%}
            {%- do measures.append(dq_consistency(relation, column, known, column)) -%}
        {%- else -%}
            {%- do measures.append(dq_consistency(relation, column, known[0], known[1])) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(measures) }}
{% endmacro %}
