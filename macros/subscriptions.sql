{#- A subscription row is live at an instant when it started before it and had not ended by it. -#}
{% macro is_live_at(instant, relation=none) -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    (
        {{ prefix }}started_at < {{ instant }}
        and ({{ prefix }}ended_at is null or {{ prefix }}ended_at >= {{ instant }})
    )
{%- endmacro %}

{#- A subscription row is in force at an instant its half-open [started_at, ended_at) holds. -#}
{% macro is_in_force_at(instant, relation=none) -%}
    {%- set prefix = relation ~ '.' if relation else '' -%}
    (
        {{ prefix }}started_at <= {{ instant }}
        and ({{ prefix }}ended_at is null or {{ prefix }}ended_at > {{ instant }})
    )
{%- endmacro %}

{#- A subscription item's charge per billing term: as billed, else the discounted price. -#}
{% macro item_term_amount(items, prices) -%}
    coalesce(
        {{ items }}.billed_amount,
        greatest(
            {{ prices }}.unit_amount
            * {{ item_priced_quantity(items, prices) }}
            * (1 - coalesce({{ items }}.discount_percent, 0) / 100.0)
            - coalesce({{ items }}.discount_amount, 0),
            0
        )
    )
{%- endmacro %}

{#- The quantity a price multiplies: the item's quantity for a per-seat price, 1 for a flat fee. -#}
{% macro item_priced_quantity(items, prices) -%}
    case when {{ prices }}.price_kind = 'flat_fee' then 1 else {{ items }}.quantity end
{%- endmacro %}

{#- The seats of a subscription item: its quantity for a per-seat base price; 0 for a flat fee and
    for an add-on (a per-seat add-on licenses some of the product's users, not more of them). -#}
{% macro item_seats(items, prices) -%}
    case
        when {{ prices }}.price_kind = 'flat_fee' or {{ prices }}.is_add_on then 0
        else {{ items }}.quantity
    end
{%- endmacro %}

{#- The months of a price's billing term: interval_count intervals of a month or a year. -#}
{% macro term_months(prices) -%}
    (
        {{ prices }}.interval_count
        * case when {{ prices }}.billing_interval = 'year' then 12 else 1 end
    )
{%- endmacro %}
