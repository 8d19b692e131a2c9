-- Every staged CRM opportunity of type expansion appears exactly once in
-- fct_expansion_pipeline, and no other opportunity does: returns the opportunity ids whose
-- count differs.
{{ keys_appear_once(
    key='opportunity_id',
    expected=ref('int_opportunities_validated'),
    actual=ref('fct_expansion_pipeline'),
    expected_where="opportunity_type = 'expansion'"
) }}
