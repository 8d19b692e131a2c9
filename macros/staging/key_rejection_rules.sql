{#-
    The first `when` branches of every staging model's rejection_reason case, in the order of
    rejection_reason_precedence(): missing_primary_key (any key column null), then
    duplicate_primary_key (`rank_column` > 1; pass rank_column=none to leave it out), then
    missing_account_id (only when `account_column` is given). The model's own rules follow.

        case
            {{ key_rejection_rules('invoice_id', account_column='account_id') }}
            when due_date < invoice_date then 'invalid_period'
        end as rejection_reason
-#}
{% macro key_rejection_rules(key_columns, account_column=none, rank_column='duplicate_rank') -%}
    {%- set keys = [key_columns] if key_columns is string else key_columns -%}
    when {% for column in keys %}{{ column }} is null{{ ' or ' if not loop.last }}{% endfor -%}
    {{ ' ' }}then 'missing_primary_key'
    {%- if rank_column %}
    when {{ rank_column }} > 1 then 'duplicate_primary_key'
    {%- endif %}
    {%- if account_column %}
    when {{ account_column }} is null then 'missing_account_id'
    {%- endif %}
{%- endmacro %}
