{#-
    Text normalisation used by the staging models. Portable SQL only (trim, lower, upper, nullif).
-#}

{#- Trimmed text; blank strings become null. -#}
{% macro clean_string(column) -%}
    nullif(trim(cast({{ column }} as {{ dbt.type_string() }})), '')
{%- endmacro %}

{#- Enumerations: trimmed and lower-cased; blank becomes null. -#}
{% macro clean_enum(column) -%}
    lower({{ clean_string(column) }})
{%- endmacro %}

{#- ISO 4217 currency codes: trimmed and upper-cased; blank becomes null. -#}
{% macro clean_currency_code(column) -%}
    upper({{ clean_string(column) }})
{%- endmacro %}
