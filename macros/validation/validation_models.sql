{#-
    The shapes of the models of models/intermediate/validation, written once: a usable-rows
    model `int_<entity>s_validated` (the staging rows whose final_rejection_reason is null) and a
    rejected-rows model `int_<system>_rows_rejected` (one row per rejected staging row, the
    raw tables of a system unioned). Both judge a row with final_rejection_reason(), so they
    agree by construction.
-#}

{#-
    The raw tables the validation models judge, by system (in the order their rejected rows are
    unioned), each as [its staging model, its primary key (the record_id of a rejected row),
    whether its rows carry an account_id].
-#}
{% macro validation_tables() %}
    {{ return({
        'crm': {
            'crm_accounts': ['stg_crm__accounts', ['account_id'], true],
            'crm_contacts': ['stg_crm__contacts', ['contact_id'], true],
            'crm_opportunities': ['stg_crm__opportunities', ['opportunity_id'], true],
            'crm_activities': ['stg_crm__activities', ['activity_id'], true],
            'crm_interventions': ['stg_crm__interventions', ['intervention_id'], true],
            'crm_milestones': ['stg_crm__milestones', ['milestone_id'], true],
            'crm_support_tickets': ['stg_crm__support_tickets', ['ticket_id'], true],
            'crm_nps_responses': ['stg_crm__nps_responses', ['response_id'], true],
        },
        'billing': {
            'billing_plans': ['stg_billing__plans', ['plan_id'], false],
            'billing_subscriptions': ['stg_billing__subscriptions', ['subscription_id'], true],
            'billing_invoices': ['stg_billing__invoices', ['invoice_id'], true],
        },
        'product': {
            'product_users': ['stg_product__users', ['user_id'], true],
            'product_events': ['stg_product__events', ['event_id'], true],
        },
        'reference': {
            'fx_rates': ['stg_reference__fx_rates', ['currency', 'month_start_date'], false],
            'acquisition_costs': [
                'stg_reference__acquisition_costs', ['month_start_date', 'segment'], false,
            ],
            'kpi_targets': ['stg_reference__kpi_targets', ['kpi_name'], false],
            'event_taxonomy': ['stg_reference__event_taxonomy', ['event_name'], false],
            'vocabularies': [
                'stg_reference__vocabularies', ['vocabulary_domain', 'vocabulary_value'], false,
            ],
        },
    }) }}
{% endmacro %}

{#- The staging model, primary key and account flag of a raw table. -#}
{% macro validation_table(source_table) %}
    {%- for tables in validation_tables().values() if source_table in tables -%}
        {%- set model, key, account = tables[source_table] -%}
        {{- return({'model': model, 'key': key, 'account': account}) -}}
    {%- endfor -%}
    {{- exceptions.raise_compiler_error('validation_table: unknown raw table ' ~ source_table) -}}
{% endmacro %}

{#- The CTE name a validation model imports a raw table's staging model under: its entity. -#}
{% macro validation_alias(source_table) -%}
    {{- validation_table(source_table)['model'].split('__')[-1] -}}
{%- endmacro %}

{#-
    The lookup CTEs (crm_accounts, billing_plans, fx_currencies; see relational_checks.sql) that
    the relational checks of these raw tables read, each followed by a comma and a blank line.
-#}
{% macro relational_lookups(source_tables) -%}
    {%- set checks = [] -%}
    {%- for source_table in source_tables -%}
        {%- do checks.extend(relational_checks(source_table)) -%}
    {%- endfor -%}
    {%- set lookups = [
        ('unknown_account_id', 'crm_accounts', 'stg_crm__accounts', 'account_id'),
        ('unknown_plan_id', 'billing_plans', 'stg_billing__plans', 'plan_id'),
        ('unknown_currency', 'fx_currencies', 'stg_reference__fx_rates', 'currency'),
    ] -%}
    {%- for check, cte, model, column in lookups if check in checks -%}
{{ cte }} as (

    select {{ column }}
    from {{ ref(model) }}
    where {{ column }} is not null

),

{% endfor -%}
{{ vocabulary_lookups(source_tables) }}
{%- endmacro %}

{#- The columns a relational check reads from the row it checks. -#}
{% macro relational_check_columns(source_table) -%}
    {%- set columns = [] -%}
    {%- for check in relational_checks(source_table) -%}
        {%- do columns.append({
            'unknown_account_id': 'account_id',
            'unknown_plan_id': 'plan_id',
            'unknown_currency': 'currency',
        }.get(check) or vocabulary_check_column(check)) -%}
    {%- endfor -%}
    {{- return(columns) -}}
{%- endmacro %}

{#- A usable-rows model: the columns of source_table's staging rows that are not rejected, each
    vocabulary column carrying its standard term where the vocabulary gives one. -#}
{% macro validated_model(source_table, columns) -%}
    {%- set alias = validation_alias(source_table) -%}
    {%- do check_vocabulary_terms(source_table) -%}
with

{{ alias }} as (

    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        rejection_reason
    from {{ ref(validation_table(source_table)['model']) }}

),

{{ relational_lookups([source_table]) -}}
{{ vocabulary_terms_lookup(source_table) -}}

final as (

    select
        {%- for column in columns %}
        {{ standard_term(source_table, alias, column) }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ alias }}
    {{- standard_terms_joins(source_table, alias) }}
    where {{ final_rejection_reason(source_table, alias) }} is null

)

select * from final
{%- endmacro %}

{#- The record_id of a rejected row: its key as text, the parts of a compound key joined by |. -#}
{% macro rejected_record_id(key, alias) -%}
    {%- if key | length == 1 -%}
        cast({{ alias }}.{{ key[0] }} as {{ dbt.type_string() }})
    {%- else -%}
        {%- set parts = [] -%}
        {%- for column in key -%}
            {%- do parts.append(
                'cast(' ~ alias ~ '.' ~ column ~ ' as ' ~ dbt.type_string() ~ ')'
            ) -%}
            {%- if not loop.last -%}
                {%- do parts.append("'|'") -%}
            {%- endif -%}
        {%- endfor -%}
        case
            when {{ alias }}.{{ key | join(' is not null and ' ~ alias ~ '.') }} is not null
                then {{ dbt.concat(parts) }}
        end
    {%- endif -%}
{%- endmacro %}

{#-
    A rejected-rows model: every staging row of the raw tables of a system whose final
    rejection_reason is not null, as source_table, record_id, account_id, duplicate_rank and
    rejection_reason.
-#}
{% macro rows_rejected_model(system) -%}
    {%- set source_tables = validation_tables()[system].keys() | list -%}
with
{% for source_table in source_tables %}
    {%- set spec = validation_table(source_table) -%}
    {%- set columns = [] -%}
    {%- for column in spec['key'] + (['account_id'] if spec['account'] else [])
        + relational_check_columns(source_table) if column not in columns -%}
        {%- do columns.append(column) -%}
    {%- endfor %}
{{ validation_alias(source_table) }} as (

    select
        {%- for column in columns %}
        {{ column }},
        {%- endfor %}
        duplicate_rank,
        rejection_reason
    from {{ ref(spec['model']) }}

),
{% endfor %}
{{ relational_lookups(source_tables) -}}

judged as (
{% for source_table in source_tables %}
    {%- set spec = validation_table(source_table) -%}
    {%- set alias = validation_alias(source_table) %}
    select
        cast('{{ source_table }}' as {{ dbt.type_string() }}) as source_table,
        {{ rejected_record_id(spec['key'], alias) }} as record_id,
        {%- if spec['account'] %}
        cast({{ alias }}.account_id as {{ dbt.type_string() }}) as account_id,
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as account_id,
        {%- endif %}
        {{ alias }}.duplicate_rank,
        {{ final_rejection_reason(source_table, alias) }} as rejection_reason
    from {{ alias }}
    {%- if not loop.last %}

    union all
{% endif -%}
{%- endfor %}

),

final as (

    select *
    from judged
    where rejection_reason is not null

)

select * from final
{%- endmacro %}
