{#-
    The join condition of two relations on a composite key: `left.k1 = right.k1 and ...`. A key
    is a column named alike on both sides, or a [left_column, right_column] pair.
-#}
{% macro join_on_keys(left, right, keys) -%}
    {%- for key in keys -%}
        {%- if key is string -%}
            {%- set left_column, right_column = key, key -%}
        {%- else -%}
            {%- set left_column, right_column = key -%}
        {%- endif -%}
        {%- if not loop.first %} and {% endif -%}
        {{ left }}.{{ left_column }} = {{ right }}.{{ right_column }}
    {%- endfor -%}
{%- endmacro %}
