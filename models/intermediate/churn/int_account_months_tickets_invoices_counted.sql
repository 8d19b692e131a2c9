with

snapshots as (

    select
        account_id,
        month_start_date,
        health_date,
        is_churned_within_horizon
    from {{ ref('int_account_months_health_snapshotted') }}

),

tickets as (

    select
        account_id,
        created_at
    from {{ ref('int_support_tickets_validated') }}

),

invoices as (

    select
        account_id,
        due_date,
        paid_at
    from {{ ref('int_invoices_validated') }}

),

ticket_counts as (

    select
        snapshots.account_id,
        snapshots.health_date,
        count(tickets.created_at) as tickets_90d
    from snapshots
    left join tickets
        on
            snapshots.account_id = tickets.account_id
            and tickets.created_at
            >= {{ dbt.dateadd('day', -89, 'snapshots.health_date') }}
            and tickets.created_at < {{ dbt.dateadd('day', 1, 'snapshots.health_date') }}
    group by
        snapshots.account_id,
        snapshots.health_date

),

late_invoices as (

    -- Invoices due in the 180 days before the day and paid after their due date or not paid
    -- by the day: known on the day (a payment after the day is still "not paid" then).
    select
        snapshots.account_id,
        snapshots.health_date,
        count(invoices.due_date) as late_invoices_180d
    from snapshots
    left join invoices
        on
            snapshots.account_id = invoices.account_id
            and invoices.due_date >= {{ dbt.dateadd('day', -179, 'snapshots.health_date') }}
            and snapshots.health_date > invoices.due_date
            and (
                invoices.paid_at is null
                or invoices.paid_at >= {{ dbt.dateadd('day', 1, 'invoices.due_date') }}
            )
    group by
        snapshots.account_id,
        snapshots.health_date

),

final as (

    select
        snapshots.account_id,
        {{ unless_absent(
            'ticket_counts.tickets_90d', ['crm_support_tickets'], dbt.type_bigint()
        ) }} as tickets_90d,
        {{ unless_absent(
            'late_invoices.late_invoices_180d', ['billing_invoices'], dbt.type_bigint()
        ) }} as late_invoices_180d,
        snapshots.is_churned_within_horizon,
        snapshots.month_start_date,
        snapshots.health_date as observation_date
    from snapshots
    inner join ticket_counts
        on {{ join_on_keys('snapshots', 'ticket_counts', ['account_id', 'health_date']) }}
    inner join late_invoices
        on {{ join_on_keys('snapshots', 'late_invoices', ['account_id', 'health_date']) }}

)

select * from final
