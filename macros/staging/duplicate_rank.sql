{#-
    Rank of a raw row among the rows sharing its primary key (1, 2, ...), in `order_by` order,
    nulls last; the key columns and order columns are names of the renamed columns. A staging
    model keeps rank 1 of a key whose copies are exact copies and rejects the others as
    `duplicate_primary_key`; copies that differ are never settled by this order
    (key_rejection_rules rejects them all as `conflicting_duplicate`), so `order_by` only numbers
    the copies deterministically.

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


{#-
    Window condition, true on every row of a key whose copies differ in one of `columns` (two
    non-null values, or a value on one copy and null on another); nulls compare equal.
-#}
{% macro copies_differ(key_columns, columns) -%}
    {%- set keys = [key_columns] if key_columns is string else key_columns -%}
    {%- set window = 'over (partition by ' ~ keys | join(', ') ~ ')' -%}
    (
        {%- for column in columns %}
        {{ 'or ' if not loop.first }}min({{ column }}) {{ window }} != max({{ column }}) {{ window }}
        or count({{ column }}) {{ window }} not in (0, count(*) {{ window }})
        {%- endfor %}
    )
{%- endmacro %}
