with

outcomes as (

    select * from {{ ref('int_interventions_outcomes_measured') }}

),

accounts as (

    select
        account_id,
        csm_owner
    from {{ ref('dim_accounts') }}

),

final as (

    select
        outcomes.*,
        accounts.csm_owner
    from outcomes
    left join accounts
        on outcomes.account_id = accounts.account_id

)

select * from final  -- noqa: AM04
