{#-
    Emails: a malformed or missing email never rejects a row. The address is trimmed and
    lower-cased, and set to null unless it is plausible: something@something.tld, a single @,
    no spaces. Portable `like` patterns, no regular expressions.
-#}

{% macro is_plausible_email(column) -%}
    case
        when
            lower({{ clean_string(column) }}) like '%_@_%._%'
            and lower({{ clean_string(column) }}) not like '%@%@%'
            and lower({{ clean_string(column) }}) not like '% %'
            then true
        else false
    end
{%- endmacro %}

{% macro clean_email(column) -%}
    case
        when {{ is_plausible_email(column) }} then lower({{ clean_string(column) }})
    end
{%- endmacro %}
