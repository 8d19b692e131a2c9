{#-
    The checks that need a second table (orphan ids, unknown plans and currencies), run by the
    models of models/intermediate/validation on top of the single-table verdict of each staging
    model. Each check is defined here once; a model that uses one imports the staging model it
    needs under the CTE name below, with every row (rejected ones too, so a rejection in one
    table never cascades into another); relational_lookups() (validation_models.sql) renders them:

        crm_accounts    select account_id from stg_crm__accounts where account_id is not null
        billing_plans   select plan_id from stg_billing__plans where plan_id is not null
        fx_currencies   select currency from stg_reference__fx_rates where currency is not null
-#}

{#- Every rejection reason, in the order the rules apply (the first match wins); the vocabulary
    checks (vocabularies.sql) come last. -#}
{% macro rejection_reason_precedence() %}
    {{ return([
        'missing_primary_key',
        'conflicting_duplicate',
        'duplicate_primary_key',
        'missing_account_id',
        'unknown_account_id',
        'unknown_plan_id',
        'invalid_period',
        'invalid_quantity',
        'negative_amount',
        'unknown_currency',
        'future_timestamp',
        'invalid_value',
    ] + vocabulary_rejection_reasons()) }}
{% endmacro %}

{#- The relational checks of each raw table, its vocabulary checks (vocabularies.sql) included. -#}
{% macro relational_checks(source_table) %}
    {%- set checks = {
        'crm_accounts': [],
        'crm_contacts': ['unknown_account_id'],
        'crm_opportunities': ['unknown_account_id', 'unknown_currency'],
        'crm_activities': ['unknown_account_id'],
        'crm_interventions': ['unknown_account_id'],
        'crm_milestones': ['unknown_account_id'],
        'crm_support_tickets': ['unknown_account_id'],
        'crm_nps_responses': ['unknown_account_id'],
        'billing_plans': ['unknown_currency'],
        'billing_subscriptions': ['unknown_account_id', 'unknown_plan_id'],
        'billing_invoices': ['unknown_account_id', 'unknown_currency'],
        'product_users': ['unknown_account_id'],
        'product_events': ['unknown_account_id'],
        'fx_rates': [],
        'acquisition_costs': [],
        'kpi_targets': [],
        'event_taxonomy': [],
        'vocabularies': [],
    } -%}
    {{ return(checks[source_table] + vocabulary_checks(source_table)) }}
{% endmacro %}

{#- True when the check fails for the row aliased `row`. -#}
{% macro relational_check_fails(check, row) -%}
    {%- if check == 'unknown_account_id' -%}
        {{ row }}.account_id not in (select crm_accounts.account_id from crm_accounts)
    {%- elif check == 'unknown_plan_id' -%}
        (
            {{ row }}.plan_id is null
            or {{ row }}.plan_id not in (select billing_plans.plan_id from billing_plans)
        )
    {%- elif check == 'unknown_currency' -%}
        (
            {{ row }}.currency != 'USD'
            and {{ row }}.currency not in (select fx_currencies.currency from fx_currencies)
        )
    {%- elif vocabulary_check_column(check) is not none -%}
        {{ vocabulary_check_fails(check, row) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error('relational_check_fails: unknown check ' ~ check) }}
    {%- endif -%}
{%- endmacro %}

{#-
    The final rejection_reason of a row of source_table (alias `row`): its single-table reason
    (`own_reason`, the staging model's rejection_reason by default) or the first failing
    relational check, whichever comes first in rejection_reason_precedence(); null when usable.
-#}
{% macro final_rejection_reason(source_table, row, own_reason=none) -%}
    {%- set own = own_reason or row ~ '.rejection_reason' -%}
    {%- set checks = relational_checks(source_table) -%}
    {%- if not checks -%}
        {{ own }}
    {%- else -%}
        {%- set earlier = [] -%}
        case
        {%- for reason in rejection_reason_precedence() %}
            {%- if reason in checks %}
                {%- if earlier %}
            when {{ own }} in ('{{ earlier | join("', '") }}') then {{ own }}
                {%- endif %}
            when {{ relational_check_fails(reason, row) }} then '{{ reason }}'
                {%- do earlier.clear() %}
            {%- else %}
                {%- do earlier.append(reason) %}
            {%- endif %}
        {%- endfor %}
            else {{ own }}
        end
    {%- endif -%}
{%- endmacro %}
