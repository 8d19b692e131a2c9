with

final as (

    select * from {{ ref('int_account_months_movements_classified') }}

)

select * from final  -- noqa: AM04
