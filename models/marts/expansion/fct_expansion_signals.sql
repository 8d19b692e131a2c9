with

final as (

    select * from {{ ref('int_account_months_signals_scored') }}

)

select * from final  -- noqa: AM04
