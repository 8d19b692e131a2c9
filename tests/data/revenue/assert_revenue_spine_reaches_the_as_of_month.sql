-- The month series of the revenue spine is capped by var('revenue_max_months'); a history
-- longer than the cap would end the spine early. Fails when the spine's last month is not the
-- month of the as-of date.
with

spine as (

    select max(month_start_date) as last_month
    from {{ ref('int_account_months_revenue') }}

)

select last_month
from spine
where last_month != {{ as_of_month() }}
