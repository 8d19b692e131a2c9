{#-
    The measurement models are the models of models/intermediate/data_quality named
    int_dq_*_measured (read from the graph, independently of the scorecard's refs); the
    scorecard must read every one of them, directly or through the union models of that folder.
-#}
{%- set measurement_models = [] -%}
{%- set unread_models = [] -%}
{%- if execute -%}
    {%- set scorecard = graph.nodes['model.' ~ project_name ~ '.rpt_data_quality_scorecard'] -%}
    {%- set folder_models = [] -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model'
        and node.fqn[1:3] == ['intermediate', 'data_quality'] -%}
        {%- do folder_models.append(node) -%}
    {%- endfor -%}
    {#- The models the scorecard reads, directly or through models of the folder (a few levels). -#}
    {%- set read = {} -%}
    {%- for unique_id in scorecard.depends_on.nodes -%}
        {%- do read.update({unique_id: true}) -%}
    {%- endfor -%}
    {%- for level in range(5) -%}
        {%- for node in folder_models if node.unique_id in read -%}
            {%- for unique_id in node.depends_on.nodes -%}
                {%- do read.update({unique_id: true}) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for node in folder_models | sort(attribute='name') -%}
        {%- if node.name.endswith('_measured') -%}
            {%- if node.unique_id in read -%}
                {%- do measurement_models.append(api.Relation.create(
                    database=node.database, schema=node.schema, identifier=node.alias
                )) -%}
            {%- else -%}
                {%- do unread_models.append(node.name) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
{%- endif %}

with

scorecard as (

    select
        check_id,
        check_name,
        numerator,
        denominator,
        status
    from {{ ref('rpt_data_quality_scorecard') }}

),

measured as (

    {%- for relation in measurement_models %}
        select
            check_id,
            numerator,
            denominator,
            status
        from {{ relation }}
        union all
    {%- endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as check_id,
        cast(null as {{ dbt.type_bigint() }}) as numerator,
        cast(null as {{ dbt.type_bigint() }}) as denominator,
        cast(null as {{ dbt.type_string() }}) as status
    where 1 = 0

),

check_kinds as (

    {%- for check_name in dq_check_kinds() | sort %}
        select cast('{{ check_name }}' as {{ dbt.type_string() }}) as check_name
        union all
    {%- endfor %}
    select cast(null as {{ dbt.type_string() }}) as check_name
    where 1 = 0

),

missing_checks as (

    select
        measured.check_id,
        'measured check missing from the scorecard, or reported with other counts' as problem
    from measured
    left join scorecard
        on
            measured.check_id = scorecard.check_id
            and measured.numerator = scorecard.numerator
            and measured.denominator = scorecard.denominator
            and measured.status = scorecard.status
    where scorecard.check_id is null

),

unknown_checks as (

    select
        scorecard.check_id,
        'scorecard row without a measured check' as problem
    from scorecard
    left join measured
        on scorecard.check_id = measured.check_id
    where measured.check_id is null

),

missing_kinds as (

    select
        check_kinds.check_name as check_id,
        'kind of check with no row in the scorecard' as problem
    from check_kinds
    left join scorecard
        on check_kinds.check_name = scorecard.check_name
    where scorecard.check_name is null

),

unread_models as (

    {%- for model_name in unread_models %}
        select
            cast('{{ model_name }}' as {{ dbt.type_string() }}) as check_id,
            'measurement model not read by the scorecard' as problem
        union all
    {%- endfor %}
    select
        cast(null as {{ dbt.type_string() }}) as check_id,
        cast(null as {{ dbt.type_string() }}) as problem
    where 1 = 0

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
    from missing_kinds
    union all
    select
        check_id,
        problem
    from unread_models

)

select * from final
