{#-
    Body of a CTE: every row of the account-day `calendar` CTE (account_id, calendar_date) with
    the trailing sums of the daily facts of `facts` (account_id, `fact_date`, the columns): for
    each number of days in `windows`, each of its columns summed over the trailing that-many
    days as `<column>_<days>d`. Days without facts count 0.
-#}
{% macro calendar_trailing_sums(facts, fact_date, windows) -%}
    select
        calendar.account_id,
        calendar.calendar_date,
        {%- for days, columns in windows.items() %}
            {%- set outer_loop = loop %}
            {%- for column in columns %}
                sum(coalesce({{ facts }}.{{ column }}, 0)) over w{{ days }}
                    as {{ column }}_{{ days }}d
                {%- if not (outer_loop.last and loop.last) %},{% endif %}
            {%- endfor %}
        {%- endfor %}
    from calendar
    left join {{ facts }}
        on {{ join_on_keys('calendar', facts, ['account_id', ['calendar_date', fact_date]]) }}
    window
        {%- for days in windows %}
            w{{ days }} as (
                {{ trailing_days_window(days, 'calendar.account_id', 'calendar.calendar_date') }}
            ){% if not loop.last %},{% endif %}
        {%- endfor %}
{%- endmacro %}
