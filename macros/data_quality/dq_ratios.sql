{#-
    The declarations of the data-quality checks, one macro per kind of check, called in the
    measurement models (models/intermediate/data_quality) with explicit ref() arguments: a raw
    table is measured on its staging model (every raw row, typed and normalised), the usable
    rows on int_<entity>s_validated. Each returns a measure: {'sql': a select returning one row with `denominator`
    and `numerator_1` ... `numerator_<n>` (the units that pass each of its n checks), 'checks':
    the n checks (dq_check)}, which dq_measure() turns into one row per check. Portable SQL;
    keys are compared after clean_string (trimmed, blank = null), as staging cleans them.
-#}

{#- A measure of row checks on one relation, in one scan: the rows where each condition holds. -#}
{% macro dq_row_checks_measure(relation, checks, conditions) %}
    {%- set sql -%}
    select
        count(*) as denominator
        {%- for condition in conditions %},
        sum(case when {{ condition }} then 1 else 0 end) as numerator_{{ loop.index }}
        {%- endfor %}
    from {{ relation }}
    {%- endset -%}
    {{ return({'sql': sql, 'checks': checks}) }}
{% endmacro %}

{#-
    Completeness: per column, the rows whose value is not null and not blank, over all rows.
    `present_when` maps a column to the boolean column that says whether its raw value was
    present, where staging nulls more than blanks (a malformed email becomes null: has_email).
-#}
{% macro dq_completeness(relation, columns, present_when={}) %}
    {%- set checks = [] -%}
    {%- set conditions = [] -%}
    {%- for column in columns -%}
        {%- do checks.append(dq_check(
            'dq_completeness', relation, column, column ~ ' is populated (not null, not blank)'
        )) -%}
        {%- do conditions.append(
            present_when[column] if column in present_when
            else clean_string(column) ~ ' is not null'
        ) -%}
    {%- endfor -%}
    {{ return(dq_row_checks_measure(relation, checks, conditions)) }}
{% endmacro %}

{#-
    Validity (counted as accuracy): per column, the rows for which its rule (a SQL boolean
    expression) is true, over all rows; null counts as failing. `rules`: {column: expression},
    or {column: [expression, the rule in words]} where the SQL would not read well as check_rule.
-#}
{% macro dq_validity(relation, rules) %}
    {%- set checks = [] -%}
    {%- set conditions = [] -%}
    {%- for column, rule in rules.items() -%}
        {%- set expression, check_rule = [rule, rule] if rule is string else rule -%}
        {%- do checks.append(dq_check('dq_validity', relation, column, check_rule)) -%}
        {%- do conditions.append('(' ~ expression ~ ')') -%}
    {%- endfor -%}
    {{ return(dq_row_checks_measure(relation, checks, conditions)) }}
{% endmacro %}

{#-
    Accuracy: rows of the raw table `source_table` that are usable (rows of `model`, its
    int_<entity>s_validated model), over its raw rows: the usable rows plus its rows in
    `rejected_rows` (its system's int_<system>_rows_rejected), since raw = usable + rejected
    (test row_count_reconciles on every usable-rows model).
-#}
{% macro dq_accuracy(model, rejected_rows, source_table) %}
    {%- set check = dq_check(
        'dq_accuracy', model, none,
        'rows of ' ~ source_table ~ ' staged, not quarantined as rejected rows'
    ) -%}
    {%- set sql -%}
    select
        (select count(*) from {{ model }})
        + (
            select count(*) from {{ rejected_rows }}
            where source_table = {{ dq_literal(source_table) }}
        ) as denominator,
        (select count(*) from {{ model }}) as numerator_1
    {%- endset -%}
    {{ return({'sql': sql, 'checks': [check]}) }}
{% endmacro %}

{#- Consistency: rows with a key whose key is found in `to`.`field`, over rows with a key. -#}
{% macro dq_consistency(relation, column_name, to, field) %}
    {%- set check = dq_check(
        'dq_consistency', relation, column_name,
        column_name ~ ' found in ' ~ to.identifier ~ '.' ~ field, reads=[to]
    ) -%}
    {%- set sql -%}
    with

    model_keys as (

        select {{ clean_string(column_name) }} as key_value
        from {{ relation }}

    ),

    known_keys as (

        select distinct {{ clean_string(field) }} as key_value
        from {{ to }}

    )

    select
        count(*) as denominator,
        count(known_keys.key_value) as numerator_1
    from model_keys
    left join known_keys
        on model_keys.key_value = known_keys.key_value
    where model_keys.key_value is not null
    {%- endset -%}
    {{ return({'sql': sql, 'checks': [check]}) }}
{% endmacro %}

{#-
    Invoice consistency (billing invoices agree with the subscription MRR): invoices with a
    subscription_id that agree with the subscription row they bill, over invoices with a
    subscription_id. Agreeing: the row exists, has the invoice's account and its plan the
    invoice's currency, and amount_due equals the item's charge for one billing term (macro
    item_term_amount: billed_amount, else unit_amount x quantity, x 1 for a flat fee, less the
    discounts; i.e. MRR x interval_count x 1 or 12 months) within
    var('dq_invoice_amount_tolerance'); a pro-rata charge for a mid-period increase
    (billing_reason subscription_update) is above 0 and not above that charge.
-#}
{% macro dq_invoice_consistency(invoices, subscriptions, plans) %}
    {%- set tolerance = var('dq_invoice_amount_tolerance') -%}
    {%- set check = dq_check(
        'dq_invoice_consistency', invoices, none,
        'invoice agrees with its subscription row in ' ~ subscriptions.identifier
        ~ ': same account, plan currency, amount_due'
        ~ ' = the charge per billing term (billed_amount, else unit_amount x quantity (1 for a'
        ~ ' flat fee) x (1 - discount_percent / 100) - discount_amount) within ' ~ tolerance
        ~ ' (pro rata subscription_update: above 0 and not above it)',
        reads=[subscriptions, plans]
    ) -%}
    {%- set sql -%}
    with

    invoice_rows as (

        select
            {{ clean_string('subscription_id') }} as subscription_id,
            {{ clean_string('account_id') }} as account_id,
            upper({{ clean_string('currency') }}) as currency,
            lower({{ clean_string('billing_reason') }}) as billing_reason,
            amount_due
        from {{ invoices }}

    ),

    subscription_rows as (

        select
            {{ clean_string('subscription_id') }} as subscription_id,
            {{ clean_string('account_id') }} as account_id,
            {{ clean_string('plan_id') }} as plan_id,
            quantity,
            discount_percent,
            discount_amount,
            billed_amount
        from {{ subscriptions }}

    ),

    plan_rows as (

        select
            {{ clean_string('plan_id') }} as plan_id,
            upper({{ clean_string('currency') }}) as currency,
            price_kind,
            unit_amount
        from {{ plans }}

    ),

    period_prices as (

        select
            subscription_rows.subscription_id,
            subscription_rows.account_id,
            plan_rows.currency,
            round({{ item_term_amount('subscription_rows', 'plan_rows') }}, 2) as period_amount
        from subscription_rows
        inner join plan_rows
            on subscription_rows.plan_id = plan_rows.plan_id

    ),

    checked as (

        select
            case
                when
                    period_prices.subscription_id is not null
                    and invoice_rows.account_id = period_prices.account_id
                    and invoice_rows.currency = period_prices.currency
                    and (
                        (
                            invoice_rows.billing_reason = 'subscription_update'
                            and invoice_rows.amount_due > 0
                            and invoice_rows.amount_due
                            <= period_prices.period_amount + {{ tolerance }}
                        )
                        or (
                            coalesce(invoice_rows.billing_reason, '') != 'subscription_update'
                            and abs(invoice_rows.amount_due - period_prices.period_amount)
                            <= {{ tolerance }}
                        )
                    )
                    then 1
                else 0
            end as is_consistent
        from invoice_rows
        left join period_prices
            on invoice_rows.subscription_id = period_prices.subscription_id
        where invoice_rows.subscription_id is not null

    )

    select
        count(*) as denominator,
        sum(is_consistent) as numerator_1
    from checked
    {%- endset -%}
    {{ return({'sql': sql, 'checks': [check]}) }}
{% endmacro %}

{#-
    Freshness settings of a staging model: the freshness window in days (the freshness
    error_after of the source it reads, declared once in the source YAML, rounded up to days)
    and the number of days measured (var dq_freshness_window_days).
-#}
{% macro dq_freshness_settings(model) %}
    {%- set settings = {'max_age_days': 1, 'window_days': var('dq_freshness_window_days')} -%}
    {%- if execute -%}
        {%- set node = dq_raw_source_node(model) -%}
        {%- set error_after = ((node.freshness or {}).get('error_after') or {})
            if node is not none else {} -%}
        {%- if not error_after.get('count') -%}
            {{ exceptions.raise_compiler_error(
                'dq_freshness on ' ~ model.identifier ~ ': declare it on a staging model whose'
                ~ ' source has freshness.error_after'
            ) }}
        {%- endif -%}
        {%- set per_day = {'day': 1, 'hour': 24, 'minute': 1440} -%}
        {%- do settings.update({
            'max_age_days': [
                1, (error_after['count'] / per_day[error_after.period]) | round(0, 'ceil') | int
            ] | max,
        }) -%}
    {%- endif -%}
    {%- if settings.window_days | int < 1 -%}
        {{ exceptions.raise_compiler_error(
            'dq_freshness_window_days must be at least 1, got ' ~ settings.window_days
        ) }}
    {%- endif -%}
    {{ return(settings) }}
{% endmacro %}

{#-
    Freshness compliance of a raw table, on its staging model and `column` (the staged column
    of the source's loaded_at_field): of the window_days days ending at as_of_date, the days on
    which the newest row (as known at the end of that day) was at most max_age_days old, i.e.
    a row is dated in the max_age_days days up to and including that day. Rows dated after
    as_of_date are not known yet and ignored. Without a day spine: each distinct load date
    keeps the table fresh from that day until the next load date or for max_age_days,
    whichever comes first; those spans do not overlap, so the fresh days of the window are the
    sum of their lengths inside it.
-#}
{% macro dq_freshness(model, column) %}
    {%- set freshness = dq_freshness_settings(model) -%}
    {%- set window_days = freshness.window_days | int -%}
    {%- set max_age_days = freshness.max_age_days | int -%}
    {%- set check = dq_check(
        'dq_freshness', model, none,
        'a row with ' ~ column ~ ' in the ' ~ max_age_days
        ~ ' days up to each of the ' ~ window_days ~ ' days ending at as_of_date'
    ) -%}
    {%- set window_start = 'cast(' ~ dbt.dateadd('day', 1 - window_days, as_of_date())
        ~ ' as date)' -%}
    {%- set window_end = 'cast(' ~ dbt.dateadd('day', 1, as_of_date()) ~ ' as date)' -%}
    {%- set sql -%}
    with

    load_dates as (

        select distinct cast({{ column }} as date) as load_date
        from {{ model }}
        where
            {{ column }} < {{ as_of_period_end() }}
            and {{ column }}
            >= {{ dbt.dateadd('day', 1 - window_days - max_age_days, as_of_date()) }}

    ),

    fresh_spans as (

        select
            case
                when load_date > {{ window_start }} then load_date else {{ window_start }}
            end as fresh_from,
            least(
                coalesce(lead(load_date) over (order by load_date), {{ window_end }}),
                cast({{ dbt.dateadd('day', max_age_days, 'load_date') }} as date),
                {{ window_end }}
            ) as fresh_until
        from load_dates

    )

    select
        {{ window_days }} as denominator,
        sum(
            case
                when fresh_until > fresh_from
                    then {{ dbt.datediff('fresh_from', 'fresh_until', 'day') }}
                else 0
            end
        ) as numerator_1
    from fresh_spans
    {%- endset -%}
    {{ return({'sql': sql, 'checks': [check]}) }}
{% endmacro %}

{#-
    Customer matching: of the distinct keys (account ids) seen in the relation or in any
    relation of match_in (same column), those found in the relation and in every one of them.
-#}
{% macro dq_customer_matching(relation, column_name, match_in) %}
    {%- if not match_in -%}
        {{ exceptions.raise_compiler_error('dq_customer_matching needs `match_in` relations') }}
    {%- endif -%}
    {%- set systems = [] -%}
    {%- for system in match_in -%}
        {%- do systems.append(system.identifier ~ '.' ~ column_name) -%}
    {%- endfor -%}
    {%- set check = dq_check(
        'dq_customer_matching', relation, column_name,
        column_name ~ ' seen in any of ' ~ relation.identifier ~ ', ' ~ systems | join(', ')
        ~ ' is found in all of them', reads=match_in
    ) -%}
    {%- set sql -%}
    with

    master_keys as (

        select distinct {{ clean_string(column_name) }} as key_value
        from {{ relation }}

    ),
    {%- for system in match_in %}

    system_{{ loop.index }}_keys as (

        select distinct {{ clean_string(column_name) }} as key_value
        from {{ system }}

    ),
    {%- endfor %}

    seen_keys as (

        select key_value from master_keys
        {%- for system in match_in %}
        union
        select key_value from system_{{ loop.index }}_keys
        {%- endfor %}

    ),

    matched_keys as (

        select
            case
                when
                    master_keys.key_value is not null
                    {%- for system in match_in %}
                    and system_{{ loop.index }}_keys.key_value is not null
                    {%- endfor %}
                    then 1
                else 0
            end as is_matched
        from seen_keys
        left join master_keys
            on seen_keys.key_value = master_keys.key_value
        {%- for system in match_in %}
        left join system_{{ loop.index }}_keys
            on seen_keys.key_value = system_{{ loop.index }}_keys.key_value
        {%- endfor %}
        where seen_keys.key_value is not null

    )

    select
        count(*) as denominator,
        sum(is_matched) as numerator_1
    from matched_keys
    {%- endset -%}
    {{ return({'sql': sql, 'checks': [check]}) }}
{% endmacro %}
