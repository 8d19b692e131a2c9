{#-
    The first `when` branches of every staging model's rejection_reason case, in the order of
    rejection_reason_precedence(): missing_primary_key (any key column null), then
    conflicting_duplicate (the key has copies that are not exact copies: every copy is rejected,
    none is chosen by sort order), then duplicate_primary_key (an exact copy, `rank_column` > 1;
    pass rank_column=none to leave both duplicate rules out), then missing_account_id (only when
    `account_column` is given). The model's own rules follow.

    Exact copies are compared on every column of the `copies_from` CTE (the renamed, normalised
    contract columns: copies that differ only in blanks or case are exact copies); `row_alias`
    is the relation the case reads its row from.

        case
            {{ key_rejection_rules('invoice_id', account_column='account_id') }}
            when due_date < invoice_date then 'invalid_period'
        end as rejection_reason
-#}
{% macro key_rejection_rules(
    key_columns,
    account_column=none,
    rank_column='duplicate_rank',
    copies_from='renamed',
    row_alias='ranked'
) -%}
    {%- set keys = [key_columns] if key_columns is string else key_columns -%}
    when {% for column in keys %}{{ column }} is null{{ ' or ' if not loop.last }}{% endfor -%}
    {{ ' ' }}then 'missing_primary_key'
    {%- if rank_column %}
    when (
        select count(*)
        from (select distinct * from {{ copies_from }}) as key_versions
        where {{ join_on_keys('key_versions', row_alias, keys) }}
    ) > 1 then 'conflicting_duplicate'
    when {{ rank_column }} > 1 then 'duplicate_primary_key'
    {%- endif %}
    {%- if account_column %}
    when {{ account_column }} is null then 'missing_account_id'
    {%- endif %}
{%- endmacro %}
