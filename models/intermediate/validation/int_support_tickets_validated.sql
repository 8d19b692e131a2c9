with

support_tickets as (

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
    from {{ ref('stg_crm__support_tickets') }}

),

crm_accounts as (

    select account_id
    from {{ ref('stg_crm__accounts') }}
    where account_id is not null

),

final as (

    select
        support_tickets.ticket_id,
        support_tickets.account_id,
        support_tickets.contact_id,
        support_tickets.priority,
        support_tickets.ticket_status,
        support_tickets.csat_rating,
        support_tickets.is_escalated,
        support_tickets.created_at,
        support_tickets.first_response_at,
        support_tickets.solved_at
    from support_tickets
    where {{ final_rejection_reason('crm_support_tickets', 'support_tickets') }} is null

)

select * from final
