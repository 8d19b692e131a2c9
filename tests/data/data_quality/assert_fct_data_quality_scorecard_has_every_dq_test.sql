{#-
    fct_data_quality_scorecard has exactly one row per dq_* data test of the project (a test
    whose generic macro is one of this project's test_dq_* macros), read from the graph here
    independently of the macro dq_checks() the scorecard uses; and the scorecard is ordered
    after every model a dq test reads (its depends_on list), so `dbt build` runs the test, which
    stores the row the scorecard reads, first. Fails with the check_id and the problem.
-#}
{%- set dq_tests = [] -%}
{%- set unordered = [] -%}
{%- if execute -%}
    {%- set prefix = 'macro.' ~ project_name ~ '.test_dq_' -%}
    {%- set scorecard_id = 'model.' ~ project_name ~ '.fct_data_quality_scorecard' -%}
    {%- set scorecard_parents = graph.nodes[scorecard_id].depends_on.nodes -%}
    {%- for node in graph.nodes.values() -%}
        {%- if node.resource_type == 'test' -%}
            {%- for macro_id in node.depends_on.macros if macro_id.startswith(prefix) -%}
                {%- if loop.first -%}
                    {%- do dq_tests.append(node.name) -%}
                    {%- for parent in node.depends_on.nodes -%}
                        {%- if parent.startswith('model.') and parent not in scorecard_parents -%}
                            {%- do unordered.append(node.name) -%}
                        {%- endif -%}
                    {%- endfor -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif %}

with

dq_tests as (

    {%- for test_name in dq_tests | sort %}
        select cast('{{ test_name }}' as {{ dbt.type_string() }}) as check_id
        union all
    {%- endfor %}
    select cast(null as {{ dbt.type_string() }}) as check_id
    where 1 = 0

),

scorecard as (

    select check_id
    from {{ ref('fct_data_quality_scorecard') }}

),

missing_checks as (

    select
        dq_tests.check_id,
        'dq test missing from the scorecard' as problem
    from dq_tests
    left join scorecard
        on dq_tests.check_id = scorecard.check_id
    where scorecard.check_id is null

),

unknown_checks as (

    select
        scorecard.check_id,
        'scorecard row without a dq test' as problem
    from scorecard
    left join dq_tests
        on scorecard.check_id = dq_tests.check_id
    where dq_tests.check_id is null

),

unordered_checks as (

    select
        dq_tests.check_id,
        'dq test reads a model the scorecard does not depend on (add it to its list)' as problem
    from dq_tests
    where dq_tests.check_id in (
        {%- for test_name in unordered | unique | sort %}
            '{{ test_name }}'{{ ',' if not loop.last }}
        {%- else %}
            null
        {%- endfor %}
    )

),

final as (

    select
        check_id,
        problem
    from missing_checks
    union all
    select
        check_id,
        problem
    from unknown_checks
    union all
    select
        check_id,
        problem
    from unordered_checks

)

select * from final
