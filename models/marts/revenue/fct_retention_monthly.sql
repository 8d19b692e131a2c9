with

final as (

    select * from {{ ref('int_segment_months_retention_measured') }}

)

select * from final  -- noqa: AM04
