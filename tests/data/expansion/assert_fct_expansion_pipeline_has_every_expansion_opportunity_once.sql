-- Every staged CRM opportunity of type expansion appears exactly once in
-- fct_expansion_pipeline, and no other opportunity does: returns the opportunity ids whose
-- count differs.

with

crm_opportunities as (

    select opportunity_id
    from {{ ref('int_opportunities_validated') }}
    where opportunity_type = 'expansion'

),

pipeline_opportunities as (

    select opportunity_id
    from {{ ref('fct_expansion_pipeline') }}

),

crm_counts as (

    select
        opportunity_id,
        count(*) as crm_rows
    from crm_opportunities
    group by opportunity_id

),

pipeline_counts as (

    select
        opportunity_id,
        count(*) as pipeline_rows
    from pipeline_opportunities
    group by opportunity_id

),

final as (

    select
        coalesce(crm_counts.opportunity_id, pipeline_counts.opportunity_id) as opportunity_id,
        coalesce(crm_counts.crm_rows, 0) as crm_rows,
        coalesce(pipeline_counts.pipeline_rows, 0) as pipeline_rows
    from crm_counts
    full outer join pipeline_counts
        on crm_counts.opportunity_id = pipeline_counts.opportunity_id
    where
        crm_counts.opportunity_id is null
        or pipeline_counts.opportunity_id is null
        or pipeline_counts.pipeline_rows != 1

)

select * from final
