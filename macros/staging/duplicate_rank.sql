{#-
    Rank of a raw row among the rows sharing its primary key: 1 for the row a staging model keeps,
    > 1 for the copies it rejects as `duplicate_primary_key`. Rows are taken in `order_by` order,
    nulls last; the key columns and order columns are names of the renamed columns.

        {{ duplicate_rank(
            'invoice_id',
            order_by=['invoice_date', 'paid_at', 'amount_due']
        ) }} as duplicate_rank
-#}
{% macro duplicate_rank(key_columns, order_by) -%}
    {%- set keys = [key_columns] if key_columns is string else key_columns -%}
    row_number() over (
        partition by {{ keys | join(', ') }}
        order by
        {%- for column in order_by %}
            {{ column }} nulls last{{ ',' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
