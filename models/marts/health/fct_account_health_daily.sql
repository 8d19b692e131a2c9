with

final as (

    select * from {{ ref('int_account_days_health_scored') }}

)

-- The parent as-is: the enforced contract fixes the columns and their order.
select * from final  -- noqa: AM04
