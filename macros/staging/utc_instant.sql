{#-
    A raw timestamp read as an instant in UTC: ISO 8601 text with an offset
    (`2026-03-31T19:00:00-05:00`) or `Z` is converted to UTC, never truncated; a naive value,
    text or timestamp, is taken as UTC (the profile's session time zone is UTC); an instant
    (timestamptz) is read in UTC. Staging models cast it to a timestamp without time zone:

        cast({{ utc_instant('created_at') }} as {{ dbt.type_timestamp() }}) as created_at
-#}
{% macro utc_instant(column) -%}
    {{ return(adapter.dispatch('utc_instant', 'cs_analytics')(column)) }}
{%- endmacro %}

{% macro default__utc_instant(column) -%}
    cast({{ column }} as timestamp with time zone) at time zone 'UTC'
{%- endmacro %}
