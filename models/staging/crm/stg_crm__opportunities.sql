with

base_opportunities as (

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
    from {{ ref('base_crm__opportunities') }}

),

final as (

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
        created_at
    from base_opportunities
    where rejection_reason is null

)

select * from final
