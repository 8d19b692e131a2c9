{#-
    The measurement of each kind of data-quality check: a select returning one row with
    `numerator` (the units that pass) and `denominator` (all the units measured). Every dq_*
    generic test measures with dq_ratio() and stores its row, which fct_data_quality_scorecard
    reads, so the two never disagree. Portable SQL (no dialect-specific syntax); keys are
    compared after clean_string (trimmed, blank = null), as staging cleans them.
-#}

{#- The ratio SQL of one check (`args`: the test's arguments other than model/threshold). -#}
{% macro dq_ratio(check_name, model, args) %}
    {%- if check_name == 'dq_completeness' -%}
        {{ dq_completeness_ratio(model, args.get('column_name'), args.get('where')) }}
    {%- elif check_name == 'dq_validity' -%}
        {{ dq_validity_ratio(model, args.get('expression'), args.get('where')) }}
    {%- elif check_name == 'dq_accuracy' -%}
        {{ dq_accuracy_ratio(model, args.get('raw_relation')) }}
    {%- elif check_name == 'dq_consistency' -%}
        {{ dq_consistency_ratio(
            model, args.get('column_name'), args.get('to'), args.get('field'), args.get('where')
        ) }}
    {%- elif check_name == 'dq_invoice_consistency' -%}
        {{ dq_invoice_consistency_ratio(
            model, args.get('subscriptions'), args.get('plans'), args.get('amount_tolerance')
        ) }}
    {%- elif check_name == 'dq_freshness' -%}
        {{ dq_freshness_ratio(
            model, args.get('column_name'), args.get('max_age_days'), args.get('window_days')
        ) }}
    {%- elif check_name == 'dq_customer_matching' -%}
        {{ dq_customer_matching_ratio(model, args.get('column_name'), args.get('match_in')) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error('unknown data-quality check: ' ~ check_name) }}
    {%- endif -%}
{% endmacro %}

{#- The rule of one check in words, or its SQL expression (the check_rule column). -#}
{% macro dq_rule(check_name, model, args) %}
    {%- set column_name = args.get('column_name') -%}
    {%- set where = args.get('where') -%}
    {%- if check_name == 'dq_completeness' -%}
        {%- set rule = column_name ~ ' is populated (not null, not blank)' -%}
    {%- elif check_name == 'dq_validity' -%}
        {%- set rule = args.get('expression') -%}
    {%- elif check_name == 'dq_accuracy' -%}
        {%- set rule = 'rows of ' ~ args.get('raw_relation').identifier
            ~ ' staged, not quarantined as rejected rows' -%}
    {%- elif check_name == 'dq_consistency' -%}
        {%- set rule = column_name ~ ' found in ' ~ args.get('to').identifier ~ '.'
            ~ args.get('field') -%}
    {%- elif check_name == 'dq_invoice_consistency' -%}
        {%- set rule = 'invoice agrees with its subscription row in '
            ~ args.get('subscriptions').identifier ~ ': same account, plan currency, amount_due'
            ~ ' = unit_amount x quantity x (1 - discount_percent / 100) within '
            ~ dq_invoice_amount_tolerance(args.get('amount_tolerance'))
            ~ ' (pro rata subscription_update: above 0 and not above it)' -%}
    {%- elif check_name == 'dq_freshness' -%}
        {%- set freshness = dq_freshness_settings(
            model, column_name, args.get('max_age_days'), args.get('window_days')
        ) -%}
        {%- set rule = 'a row with ' ~ freshness.column ~ ' in the ' ~ freshness.max_age_days
            ~ ' days up to each of the ' ~ freshness.window_days ~ ' days ending at as_of_date' -%}
    {%- elif check_name == 'dq_customer_matching' -%}
        {%- set systems = [] -%}
        {%- for system in dq_matching_systems(column_name, args.get('match_in')) -%}
            {%- do systems.append(system.relation.identifier ~ '.' ~ system.column) -%}
        {%- endfor -%}
        {%- set rule = column_name ~ ' seen in any of ' ~ model.identifier ~ ', '
            ~ systems | join(', ') ~ ' is found in all of them' -%}
    {%- endif -%}
    {%- if where -%}
        {%- set rule = rule ~ ' (rows where ' ~ where ~ ')' -%}
    {%- endif -%}
    {{ return(rule) }}
{% endmacro %}

{#- Completeness: rows whose column is not null and not blank, over all rows. -#}
{% macro dq_completeness_ratio(relation, column_name, where=none) %}
    select
        sum(
            case when {{ clean_string(column_name) }} is not null then 1 else 0 end
        ) as numerator,
        count(*) as denominator
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
{% endmacro %}

{#- Validity: rows for which the rule is true (null counts as failing), over all rows. -#}
{% macro dq_validity_ratio(relation, expression, where=none) %}
    {%- if not expression -%}
        {{ exceptions.raise_compiler_error('dq_validity needs an `expression`') }}
    {%- endif %}
    select
        sum(case when ({{ expression }}) then 1 else 0 end) as numerator,
        count(*) as denominator
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
{% endmacro %}

{#- Accuracy: rows of the model (staged) over the rows of its raw table. -#}
{% macro dq_accuracy_ratio(relation, raw_relation) %}
    select
        (select count(*) from {{ relation }}) as numerator,
        (select count(*) from {{ raw_relation }}) as denominator
{% endmacro %}

{#- Consistency: rows with a key whose key is found in `to`.`field`, over rows with a key. -#}
{% macro dq_consistency_ratio(relation, column_name, to, field, where=none) %}
    with

    model_keys as (

        select {{ clean_string(column_name) }} as key_value
        from {{ relation }}
        {%- if where %}
        where {{ where }}
        {%- endif %}

    ),

    known_keys as (

        select distinct {{ clean_string(field) }} as key_value
        from {{ to }}

    )

    select
        count(known_keys.key_value) as numerator,
        count(*) as denominator
    from model_keys
    left join known_keys
        on model_keys.key_value = known_keys.key_value
    where model_keys.key_value is not null
{% endmacro %}

{#- Invoice amounts are compared within this many currency units (var by default). -#}
{% macro dq_invoice_amount_tolerance(amount_tolerance=none) %}
    {{- return(amount_tolerance if amount_tolerance is not none
        else var('dq_invoice_amount_tolerance', 0.01)) -}}
{% endmacro %}

{#-
    Invoice consistency (billing invoices agree with the subscription MRR): invoices with a
    subscription_id that agree with the subscription row they bill, over invoices with a
    subscription_id. Agreeing: the row exists, has the invoice's account and its plan the
    invoice's currency, and amount_due equals the price of one billing period (unit_amount x
    quantity x (1 - discount_percent / 100), i.e. MRR x 1 or 12 months) within the tolerance;
    a pro-rata charge for a mid-period increase (billing_reason subscription_update) is above
    0 and not above that price.
-#}
{% macro dq_invoice_consistency_ratio(relation, subscriptions, plans, amount_tolerance=none) %}
    {%- set tolerance = dq_invoice_amount_tolerance(amount_tolerance) %}
    with

    invoices as (

        select
            {{ clean_string('subscription_id') }} as subscription_id,
            {{ clean_string('account_id') }} as account_id,
            upper({{ clean_string('currency') }}) as currency,
            lower({{ clean_string('billing_reason') }}) as billing_reason,
            amount_due
        from {{ relation }}

    ),

    subscription_rows as (

        select
            {{ clean_string('subscription_id') }} as subscription_id,
            {{ clean_string('account_id') }} as account_id,
            {{ clean_string('plan_id') }} as plan_id,
            quantity,
            discount_percent
        from {{ subscriptions }}

    ),

    plan_rows as (

        select
            {{ clean_string('plan_id') }} as plan_id,
            upper({{ clean_string('currency') }}) as currency,
            unit_amount
        from {{ plans }}

    ),

    period_prices as (

        select
            subscription_rows.subscription_id,
            subscription_rows.account_id,
            plan_rows.currency,
            round(
                plan_rows.unit_amount
                * subscription_rows.quantity
                * (1 - subscription_rows.discount_percent / 100.0),
                2
            ) as period_amount
        from subscription_rows
        inner join plan_rows
            on subscription_rows.plan_id = plan_rows.plan_id

    ),

    checked as (

        select
            case
                when
                    period_prices.subscription_id is not null
                    and invoices.account_id = period_prices.account_id
                    and invoices.currency = period_prices.currency
                    and (
                        (
                            invoices.billing_reason = 'subscription_update'
                            and invoices.amount_due > 0
                            and invoices.amount_due <= period_prices.period_amount + {{ tolerance }}
                        )
                        or (
                            coalesce(invoices.billing_reason, '') != 'subscription_update'
                            and abs(invoices.amount_due - period_prices.period_amount)
                            <= {{ tolerance }}
                        )
                    )
                    then 1
                else 0
            end as is_consistent
        from invoices
        left join period_prices
            on invoices.subscription_id = period_prices.subscription_id
        where invoices.subscription_id is not null

    )

    select
        sum(is_consistent) as numerator,
        count(*) as denominator
    from checked
{% endmacro %}

{#-
    Freshness settings of a check: the timestamp column (default: the source's
    loaded_at_field), the freshness window in days (default: the source's error_after) and the
    number of days measured (default: var('dq_freshness_window_days', 90)).
-#}
{% macro dq_freshness_settings(relation, column_name=none, max_age_days=none, window_days=none) %}
    {%- set settings = {
        'column': column_name,
        'max_age_days': max_age_days,
        'window_days': window_days if window_days is not none
            else var('dq_freshness_window_days', 90),
    } -%}
    {%- if execute and (column_name is none or max_age_days is none) -%}
        {%- set found = [] -%}
        {%- for source_node in graph.sources.values() -%}
            {%- if source_node.identifier | lower == relation.identifier | lower
                and source_node.schema | lower == relation.schema | lower -%}
                {%- do found.append(source_node) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set error_after = (found[0].freshness or {}).get('error_after') or {}
            if found else {} -%}
        {%- if not error_after.get('count') -%}
            {{ exceptions.raise_compiler_error(
                'dq_freshness on ' ~ relation.identifier ~ ': give column_name and max_age_days,'
                ~ ' or test a source with loaded_at_field and freshness.error_after'
            ) }}
        {%- endif -%}
        {%- set per_day = {'day': 1, 'hour': 24, 'minute': 1440} -%}
        {%- if column_name is none -%}
            {%- do settings.update({'column': found[0].loaded_at_field}) -%}
        {%- endif -%}
        {%- if max_age_days is none -%}
            {%- do settings.update({'max_age_days': [
                1, (error_after['count'] / per_day[error_after.period]) | round(0, 'ceil') | int
            ] | max}) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if settings.column is none -%}
        {%- do settings.update({'column': 'null', 'max_age_days': 1}) -%}
    {%- endif -%}
    {%- if settings.window_days | int < 1 or settings.max_age_days | int < 1 -%}
        {{ exceptions.raise_compiler_error(
            'dq_freshness: window_days and max_age_days must be at least 1, got '
            ~ settings.window_days ~ ' and ' ~ settings.max_age_days
        ) }}
    {%- endif -%}
    {{ return(settings) }}
{% endmacro %}

{#-
    Freshness compliance: of the window_days days ending at as_of_date, the days on which the
    newest row (by the timestamp column, as known at the end of that day) was at most
    max_age_days old, i.e. a row is dated in the max_age_days days up to and including that
    day. Rows dated after as_of_date are not known yet and ignored. Without a day spine: each
    distinct load date keeps the relation fresh from that day until the next load date or for
    max_age_days, whichever comes first; those spans do not overlap, so the fresh days of the
    window are the sum of their lengths inside it.
-#}
{% macro dq_freshness_ratio(relation, column_name=none, max_age_days=none, window_days=none) %}
    {%- set freshness = dq_freshness_settings(relation, column_name, max_age_days, window_days) -%}
    {%- set window_days = freshness.window_days | int -%}
    {%- set max_age_days = freshness.max_age_days | int -%}
    {%- set window_start = 'cast(' ~ dbt.dateadd('day', 1 - window_days, as_of_date())
        ~ ' as date)' -%}
    {%- set window_end = 'cast(' ~ dbt.dateadd('day', 1, as_of_date()) ~ ' as date)' %}
    with

    load_dates as (

        select distinct cast({{ freshness.column }} as date) as load_date
        from {{ relation }}
        where
            {{ freshness.column }} < {{ as_of_period_end() }}
            and {{ freshness.column }}
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
        sum(
            case
                when fresh_until > fresh_from
                    then {{ dbt.datediff('fresh_from', 'fresh_until', 'day') }}
                else 0
            end
        ) as numerator,
        {{ window_days }} as denominator
    from fresh_spans
{% endmacro %}

{#- The systems of a customer-matching check: [{relation, column}], column defaulting. -#}
{% macro dq_matching_systems(column_name, match_in) %}
    {%- set systems = [] -%}
    {%- for item in match_in or [] -%}
        {%- if item.identifier is defined -%}
            {%- do systems.append({'relation': item, 'column': column_name}) -%}
        {%- else -%}
            {%- do systems.append({
                'relation': item['relation'], 'column': item.get('column') or column_name
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(systems) }}
{% endmacro %}

{#-
    Customer matching: of the distinct keys (account ids) seen in the model or in any system of
    match_in, those found in the model and in every system.
-#}
{% macro dq_customer_matching_ratio(relation, column_name, match_in) %}
    {%- set systems = dq_matching_systems(column_name, match_in) -%}
    {%- if not systems -%}
        {{ exceptions.raise_compiler_error('dq_customer_matching needs `match_in` relations') }}
    {%- endif %}
    with

    master_keys as (

        select distinct {{ clean_string(column_name) }} as key_value
        from {{ relation }}

    ),
    {%- for system in systems %}

    system_{{ loop.index }}_keys as (

        select distinct {{ clean_string(system.column) }} as key_value
        from {{ system.relation }}

    ),
    {%- endfor %}

    seen_keys as (

        select key_value from master_keys
        {%- for system in systems %}
        union
        select key_value from system_{{ loop.index }}_keys
        {%- endfor %}

    ),

    matched_keys as (

        select
            case
                when
                    master_keys.key_value is not null
                    {%- for system in systems %}
                    and system_{{ loop.index }}_keys.key_value is not null
                    {%- endfor %}
                    then 1
                else 0
            end as is_matched
        from seen_keys
        left join master_keys
            on seen_keys.key_value = master_keys.key_value
        {%- for system in systems %}
        left join system_{{ loop.index }}_keys
            on seen_keys.key_value = system_{{ loop.index }}_keys.key_value
        {%- endfor %}
        where seen_keys.key_value is not null

    )

    select
        sum(is_matched) as numerator,
        count(*) as denominator
    from matched_keys
{% endmacro %}
