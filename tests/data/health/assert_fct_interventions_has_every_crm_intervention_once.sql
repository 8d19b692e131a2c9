-- Every staged CRM intervention appears exactly once in fct_interventions, and nothing else
-- does: returns the intervention ids whose count differs.
{{ keys_appear_once(
    key='intervention_id',
    expected=ref('int_interventions_validated'),
    actual=ref('fct_interventions')
) }}
