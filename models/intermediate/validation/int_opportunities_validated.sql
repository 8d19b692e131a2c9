with

opportunities as (

    select
        opportunity_id,
        account_id,
        opportunity_type,
        opportunity_stage,
        opportunity_source,
        currency,
        amount,
        is_closed,
        is_won,
        close_date,
        created_at,
        rejection_reason
    from {{ ref('stg_crm__opportunities') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

fx_currencies as (

    select currency
    from {{ ref('stg_reference__fx_rates') }}
    where currency is not null

),

final as (

    select
        opportunities.opportunity_id,
        opportunities.account_id,
        opportunities.opportunity_type,
        opportunities.opportunity_stage,
        opportunities.opportunity_source,
        opportunities.currency,
        opportunities.amount,
        opportunities.is_closed,
        opportunities.is_won,
        opportunities.close_date,
        opportunities.created_at
    from opportunities
    where {{ final_rejection_reason('crm_opportunities', 'opportunities') }} is null

)

select * from final
