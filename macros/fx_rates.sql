{#- Left join of the validated USD rate of a currency in a month, aliased `alias`: an amount in that currency is worth `amount * <alias>.rate_to_usd` USD at that month's rate. -#}
{% macro left_join_usd_rate(currency, month_start_date, alias='fx_rates') -%}
    left join {{ ref('int_fx_rates_validated') }} as {{ alias }}
        on
            {{ currency }} = {{ alias }}.currency
            and {{ month_start_date }} = {{ alias }}.month_start_date
{%- endmacro %}
