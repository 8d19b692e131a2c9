with

calendar as (

    select * from {{ ref('int_account_days_enumerated') }}

),

contacts as (

    select
        account_id,
        is_champion,
        is_executive_sponsor,
        created_at,
        left_company_at
    from {{ ref('int_contacts_validated') }}
    where created_at is not null

),

contact_deltas as (

    -- A contact counts in its role from created_at until it left the company.
    select
        account_id,
        cast(created_at as date) as delta_date,
        case when is_champion then 1 else 0 end as champion_delta,
        case when is_executive_sponsor then 1 else 0 end as sponsor_delta
    from contacts

    union all

    select
        account_id,
        cast(left_company_at as date) as delta_date,
        case when is_champion then -1 else 0 end as champion_delta,
        case when is_executive_sponsor then -1 else 0 end as sponsor_delta
    from contacts
    where left_company_at is not null

),

{{ running_counts_from_deltas('contact_deltas', {
    'champion_delta': 'active_champions',
    'sponsor_delta': 'executive_sponsors',
}) }},

final as (

    select
        account_id,
        cast(
            case when executive_sponsors > 0 then 1 else 0 end as {{ dbt.type_int() }}
        ) as executive_sponsor_present,
        active_champions,
        calendar_date as health_date
    from running_counts
    where {{ in_health_history('calendar_date') }}

)

select * from final
