with

final as (

    select * from {{ ref('int_account_months_health_snapshotted') }}

)

-- The parent as-is: the enforced contract fixes the columns and their order.
select * from final  -- noqa: AM04
