{#-
    Reconciles the usable rows of a raw table (the model, e.g. int_subscriptions_validated) with
    the raw table: every raw row is either usable or in the system's rejected-rows model. Fails
    with one row (naming the table) when count(raw) != count(usable) + count(rejected). A raw
    table declared absent (var absent_sources) is not read: it has no rows.
-#}
{% test row_count_reconciles(model, raw_relation, rejected_relation, source_table) %}

with

raw_rows as (

    select count(*) as row_count
    from {{ absent_source_select(source_table) if is_absent_source(source_table) else raw_relation }}

),

staged_rows as (

    select count(*) as row_count
    from {{ model }}

),

rejected_rows as (

    select count(*) as row_count
    from {{ rejected_relation }}
    where source_table = '{{ source_table }}'

),

reconciliation as (

    select
        '{{ source_table }}' as source_table,
        '{{ model.identifier }}' as staging_model,
        raw_rows.row_count as raw_rows,
        staged_rows.row_count as staged_rows,
        rejected_rows.row_count as rejected_rows,
        raw_rows.row_count - staged_rows.row_count - rejected_rows.row_count as difference
    from raw_rows
    cross join staged_rows
    cross join rejected_rows

)

select * from reconciliation
where difference != 0

{% endtest %}
