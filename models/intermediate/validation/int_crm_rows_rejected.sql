with

accounts as (

    select
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__accounts') }}

),

contacts as (

    select
        contact_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__contacts') }}

),

opportunities as (

    select
        opportunity_id,
        account_id,
        currency,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__opportunities') }}

),

activities as (

    select
        activity_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__activities') }}

),

interventions as (

    select
        intervention_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__interventions') }}

),

milestones as (

    select
        milestone_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__milestones') }}

),

support_tickets as (

    select
        ticket_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__support_tickets') }}

),

nps_responses as (

    select
        response_id,
        account_id,
        duplicate_rank,
        rejection_reason
    from {{ ref('stg_crm__nps_responses') }}

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

judged as (

    select
        cast('crm_accounts' as {{ dbt.type_string() }}) as source_table,
        cast(accounts.account_id as {{ dbt.type_string() }}) as record_id,
        cast(accounts.account_id as {{ dbt.type_string() }}) as account_id,
        accounts.duplicate_rank,
        {{ final_rejection_reason('crm_accounts', 'accounts') }} as rejection_reason
    from accounts

    union all

    select
        cast('crm_contacts' as {{ dbt.type_string() }}) as source_table,
        cast(contacts.contact_id as {{ dbt.type_string() }}) as record_id,
        cast(contacts.account_id as {{ dbt.type_string() }}) as account_id,
        contacts.duplicate_rank,
        {{ final_rejection_reason('crm_contacts', 'contacts') }} as rejection_reason
    from contacts

    union all

    select
        cast('crm_opportunities' as {{ dbt.type_string() }}) as source_table,
        cast(opportunities.opportunity_id as {{ dbt.type_string() }}) as record_id,
        cast(opportunities.account_id as {{ dbt.type_string() }}) as account_id,
        opportunities.duplicate_rank,
        {{ final_rejection_reason('crm_opportunities', 'opportunities') }} as rejection_reason
    from opportunities

    union all

    select
        cast('crm_activities' as {{ dbt.type_string() }}) as source_table,
        cast(activities.activity_id as {{ dbt.type_string() }}) as record_id,
        cast(activities.account_id as {{ dbt.type_string() }}) as account_id,
        activities.duplicate_rank,
        {{ final_rejection_reason('crm_activities', 'activities') }} as rejection_reason
    from activities

    union all

    select
        cast('crm_interventions' as {{ dbt.type_string() }}) as source_table,
        cast(interventions.intervention_id as {{ dbt.type_string() }}) as record_id,
        cast(interventions.account_id as {{ dbt.type_string() }}) as account_id,
        interventions.duplicate_rank,
        {{ final_rejection_reason('crm_interventions', 'interventions') }} as rejection_reason
    from interventions

    union all

    select
        cast('crm_milestones' as {{ dbt.type_string() }}) as source_table,
        cast(milestones.milestone_id as {{ dbt.type_string() }}) as record_id,
        cast(milestones.account_id as {{ dbt.type_string() }}) as account_id,
        milestones.duplicate_rank,
        {{ final_rejection_reason('crm_milestones', 'milestones') }} as rejection_reason
    from milestones

    union all

    select
        cast('crm_support_tickets' as {{ dbt.type_string() }}) as source_table,
        cast(support_tickets.ticket_id as {{ dbt.type_string() }}) as record_id,
        cast(support_tickets.account_id as {{ dbt.type_string() }}) as account_id,
        support_tickets.duplicate_rank,
        {{ final_rejection_reason('crm_support_tickets', 'support_tickets') }} as rejection_reason
    from support_tickets

    union all

    select
        cast('crm_nps_responses' as {{ dbt.type_string() }}) as source_table,
        cast(nps_responses.response_id as {{ dbt.type_string() }}) as record_id,
        cast(nps_responses.account_id as {{ dbt.type_string() }}) as account_id,
        nps_responses.duplicate_rank,
        {{ final_rejection_reason('crm_nps_responses', 'nps_responses') }} as rejection_reason
    from nps_responses

),

final as (

    select *
    from judged
    where rejection_reason is not null

)

select * from final
