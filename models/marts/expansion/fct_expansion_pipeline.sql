with

final as (

    select * from {{ ref('int_expansion_opportunities_attributed') }}

)

select * from final  -- noqa: AM04
