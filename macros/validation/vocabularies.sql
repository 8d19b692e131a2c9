{#-
    The company's vocabularies (reference `vocabularies`) and event taxonomy (reference
    `event_taxonomy`), applied by the validation models: a non-null raw value missing from its
    domain is unknown (`unknown_<domain>`, events: `unknown_event_name`), and a usable row carries
    the domain's standard term in place of its own where the vocabulary gives one. Var
    `unknown_vocabulary_action` says what an unknown value does: `quarantine` (the row is
    rejected with that reason) or `fail` (the validation model stops the build naming the raw
    table, column, value and rows).
-#}

{#- The roles an event_taxonomy row may give (python/cs_analytics/contract.py EVENT_ROLES). -#}
{% macro event_roles() %}
    {{ return([
        'session_start',
        'workflow_started',
        'workflow_completed',
        'api_call',
        'feature_use',
        'value_moment',
    ]) }}
{% endmacro %}

{#-
    Vocabulary domain -> [raw table, raw column, staged column]: VOCABULARY_COLUMNS of
    python/cs_analytics/contract.py (a pytest keeps them equal) with the staging model's name of
    the column.
-#}
{% macro vocabulary_columns() %}
    {{ return({
        'segment': ['crm_accounts', 'segment', 'segment'],
        'region': ['crm_accounts', 'region', 'region'],
        'industry': ['crm_accounts', 'industry', 'industry'],
        'plan_tier': ['billing_plans', 'plan_tier', 'plan_tier'],
        'user_role': ['product_users', 'role', 'user_role'],
        'activity_type': ['crm_activities', 'activity_type', 'activity_type'],
        'trigger_reason': ['crm_interventions', 'trigger_reason', 'trigger_reason'],
        'playbook': ['crm_interventions', 'playbook', 'playbook'],
        'ticket_priority': ['crm_support_tickets', 'priority', 'priority'],
        'ticket_status': ['crm_support_tickets', 'status', 'ticket_status'],
        'opportunity_source': ['crm_opportunities', 'source', 'opportunity_source'],
        'opportunity_stage': ['crm_opportunities', 'stage', 'opportunity_stage'],
        'cancel_reason': ['billing_subscriptions', 'cancel_reason', 'cancel_reason'],
        'milestone_name': ['crm_milestones', 'milestone_name', 'milestone_name'],
    }) }}
{% endmacro %}

{#- The vocabulary domains of a raw table's columns, in vocabulary_columns() order. -#}
{% macro vocabulary_domains(source_table) %}
    {%- set domains = [] -%}
    {%- for domain, spec in vocabulary_columns().items() if spec[0] == source_table -%}
        {%- do domains.append(domain) -%}
    {%- endfor -%}
    {{- return(domains) -}}
{% endmacro %}

{#-
    The vocabulary checks of a raw table, as rejection reasons: unknown_<domain> per domain of its
    columns, and unknown_event_name for product_events (the event taxonomy).
-#}
{% macro vocabulary_checks(source_table) %}
    {%- set checks = [] -%}
    {%- if source_table == 'product_events' -%}
        {%- do checks.append('unknown_event_name') -%}
    {%- endif -%}
    {%- for domain in vocabulary_domains(source_table) -%}
        {%- do checks.append('unknown_' ~ domain) -%}
    {%- endfor -%}
    {{- return(checks) -}}
{% endmacro %}

{#- Every vocabulary rejection reason (the last in the precedence: a row that is wrong in another
    way says so first). -#}
{% macro vocabulary_rejection_reasons() %}
    {%- set reasons = ['unknown_event_name'] -%}
    {%- for domain in vocabulary_columns() -%}
        {%- do reasons.append('unknown_' ~ domain) -%}
    {%- endfor -%}
    {{- return(reasons) -}}
{% endmacro %}

{#- The staged column a vocabulary check reads, or none when `check` is not a vocabulary check. -#}
{% macro vocabulary_check_column(check) %}
    {%- if check == 'unknown_event_name' -%}
        {{- return('event_name') -}}
    {%- endif -%}
    {%- set domain = check | replace('unknown_', '', 1) -%}
    {%- if check.startswith('unknown_') and domain in vocabulary_columns() -%}
        {{- return(vocabulary_columns()[domain][2]) -}}
    {%- endif -%}
    {{- return(none) -}}
{% endmacro %}

{#- True when the vocabulary check fails for the row aliased `row` (null values are not checked).
    Reads the lookup CTEs `vocabulary` and `event_taxonomy` (relational_lookups). -#}
{% macro vocabulary_check_fails(check, row) -%}
    {%- set column = vocabulary_check_column(check) -%}
    {%- if check == 'unknown_event_name' -%}
        (
            {{ row }}.event_name is not null
            and {{ row }}.event_name not in (select event_taxonomy.event_name from event_taxonomy)
        )
    {%- else -%}
        (
            {{ row }}.{{ column }} is not null
            and {{ row }}.{{ column }} not in (
                select vocabulary.vocabulary_value
                from vocabulary
                where vocabulary.vocabulary_domain = '{{ check | replace("unknown_", "", 1) }}'
            )
        )
    {%- endif -%}
{%- endmacro %}

{#-
    The lookup CTEs of the vocabulary checks of these raw tables (each followed by a comma and a
    blank line): `vocabulary` (every staged vocabulary row, rejected ones too, like the other
    lookups) and `event_taxonomy` (every staged taxonomy row).
-#}
{% macro vocabulary_lookups(source_tables) -%}
    {%- set checks = [] -%}
    {%- for source_table in source_tables -%}
        {%- do checks.extend(vocabulary_checks(source_table)) -%}
    {%- endfor -%}
    {%- if 'unknown_event_name' in checks -%}
event_taxonomy as (

    select event_name
    from {{ ref('stg_reference__event_taxonomy') }}
    where event_name is not null

),

{% endif -%}
    {%- if checks | reject('equalto', 'unknown_event_name') | list -%}
vocabulary as (

    select
        vocabulary_domain,
        vocabulary_value
    from {{ ref('stg_reference__vocabularies') }}
    where vocabulary_domain is not null and vocabulary_value is not null

),

{% endif -%}
{%- endmacro %}

{#-
    The usable terms of the domains of a raw table's columns (CTE `vocabulary_terms`, followed by
    a comma), which standard_terms_joins() joins once per domain; empty when it has none.
-#}
{% macro vocabulary_terms_lookup(source_table) -%}
    {%- if vocabulary_domains(source_table) -%}
vocabulary_terms as (

    select
        vocabulary_domain,
        vocabulary_value,
        standard_value
    from {{ ref('int_vocabularies_validated') }}

),

{% endif -%}
{%- endmacro %}

{#- The left joins of a usable-rows model to the standard term of each of its domains (the usable
    vocabulary is unique on (domain, value), so no row is repeated). -#}
{% macro standard_terms_joins(source_table, alias) -%}
    {%- for domain in vocabulary_domains(source_table) %}
    left join vocabulary_terms as {{ domain }}_terms
        on
            {{ domain }}_terms.vocabulary_domain = '{{ domain }}'
            and {{ alias }}.{{ vocabulary_columns()[domain][2] }} = {{ domain }}_terms.vocabulary_value
    {%- endfor %}
{%- endmacro %}

{#- A column of a usable-rows model: the domain's standard term where the vocabulary gives one,
    else the row's own value (aliased to the column); a column outside every domain as it is. -#}
{% macro standard_term(source_table, alias, column) -%}
    {%- for candidate in vocabulary_domains(source_table)
        if vocabulary_columns()[candidate][2] == column -%}
        {%- set domain = candidate -%}
        coalesce({{ candidate }}_terms.standard_value, {{ alias }}.{{ column }}) as {{ column }}
    {%- else -%}
        {{ alias }}.{{ column }}
    {%- endfor -%}
{%- endmacro %}

{#-
    With var unknown_vocabulary_action = fail: stop the build when a raw table's staged rows hold
    a value missing from its vocabulary (or an event name missing from the taxonomy), naming the
    raw table, column, values and rows. Runs when the model is built; a no-op when the relations
    are not in the warehouse yet (parse, lint on an empty warehouse).
-#}
{% macro check_vocabulary_terms(source_table) %}
    {%- set action = var('unknown_vocabulary_action') -%}
    {%- if action not in ('quarantine', 'fail') -%}
        {{- exceptions.raise_compiler_error(
            "var unknown_vocabulary_action must be 'quarantine' or 'fail', not '" ~ action ~ "'"
        ) -}}
    {%- endif -%}
    {%- set checks = vocabulary_checks(source_table) -%}
    {%- if not execute or action != 'fail' or not checks -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set staged = ref(validation_table(source_table)['model']) -%}
    {%- set lookup = ref('stg_reference__event_taxonomy') if source_table == 'product_events'
        else ref('stg_reference__vocabularies') -%}
    {%- for relation in [staged, lookup] -%}
        {%- if adapter.get_relation(relation.database, relation.schema, relation.identifier)
            is none -%}
            {{- return(none) -}}
        {%- endif -%}
    {%- endfor -%}
    {%- set unknown_sql -%}
        with
        {{ vocabulary_lookups([source_table]) }}
        staged as (
            select * from {{ staged }}
        )
        {%- for check in checks %}
        select
            '{{ vocabulary_check_column(check) }}' as column_name,
            cast(staged.{{ vocabulary_check_column(check) }} as {{ dbt.type_string() }})
                as unknown_value,
            count(*) as row_count
        from staged
        where {{ vocabulary_check_fails(check, 'staged') }}
        group by staged.{{ vocabulary_check_column(check) }}
        {%- if not loop.last %}
        union all
        {%- endif %}
        {%- endfor %}
        order by row_count desc, unknown_value
        limit 10
    {%- endset -%}
    {%- set unknown = run_query(unknown_sql) -%}
    {%- if unknown.rows | length > 0 -%}
        {%- set found = [] -%}
        {%- for row in unknown.rows -%}
            {%- do found.append(
                'column ' ~ row[0] ~ " value '" ~ row[1] ~ "' (" ~ row[2] ~ ' row(s))'
            ) -%}
        {%- endfor -%}
        {{- exceptions.raise_compiler_error(
            'Raw table ' ~ source_table ~ ' holds values missing from '
            ~ ('the event taxonomy (reference event_taxonomy)' if source_table == 'product_events'
                else 'its vocabulary (reference vocabularies)')
            ~ ': ' ~ found | join('; ')
            ~ '. Add them to the reference table, or set var unknown_vocabulary_action to '
            ~ "'quarantine' to reject those rows instead."
        ) -}}
    {%- endif -%}
{% endmacro %}

{#- A subquery of the raw terms of a vocabulary domain (every staged vocabulary row), for a rule
    written as SQL text, e.g. `segment in ({{ vocabulary_terms_sql('segment') }})`. -#}
{% macro vocabulary_terms_sql(domain) -%}
    select vocabulary.vocabulary_value from {{ ref('stg_reference__vocabularies') }} as vocabulary
    where vocabulary.vocabulary_domain = '{{ domain }}'
{%- endmacro %}
