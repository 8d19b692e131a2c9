with

base_support_tickets as (

    select
        ticket_id,
        account_id,
        contact_id,
        priority,
        ticket_status,
        csat_rating,
        is_escalated,
        created_at,
        first_response_at,
        solved_at,
        rejection_reason
    from {{ ref('base_crm__support_tickets') }}

),

final as (

    select
        ticket_id,
        account_id,
        contact_id,
        priority,
        ticket_status,
        csat_rating,
        is_escalated,
        created_at,
        first_response_at,
        solved_at
    from base_support_tickets
    where rejection_reason is null

)

select * from final
