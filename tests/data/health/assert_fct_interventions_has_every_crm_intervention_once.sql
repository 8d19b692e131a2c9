-- Every staged CRM intervention appears exactly once in fct_interventions, and nothing else
-- does: returns the intervention ids whose count differs.

with

crm_interventions as (

    select intervention_id
    from {{ ref('int_interventions_validated') }}

),

mart_interventions as (

    select intervention_id
    from {{ ref('fct_interventions') }}

),

crm_counts as (

    select
        intervention_id,
        count(*) as crm_rows
    from crm_interventions
    group by intervention_id

),

mart_counts as (

    select
        intervention_id,
        count(*) as mart_rows
    from mart_interventions
    group by intervention_id

),

final as (

    select
        coalesce(crm_counts.intervention_id, mart_counts.intervention_id) as intervention_id,
        coalesce(crm_counts.crm_rows, 0) as crm_rows,
        coalesce(mart_counts.mart_rows, 0) as mart_rows
    from crm_counts
    full outer join mart_counts
        on crm_counts.intervention_id = mart_counts.intervention_id
    where
        crm_counts.intervention_id is null
        or mart_counts.intervention_id is null
        or mart_counts.mart_rows != 1

)

select * from final
