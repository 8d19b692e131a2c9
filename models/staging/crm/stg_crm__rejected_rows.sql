{#- Every rejected raw row of the crm system, one row each, with its reason. -#}

with

base_accounts as (

    select
        account_id,
        rejection_reason
    from {{ ref('base_crm__accounts') }}
    where rejection_reason is not null

),

base_contacts as (

    select
        contact_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__contacts') }}
    where rejection_reason is not null

),

base_opportunities as (

    select
        opportunity_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__opportunities') }}
    where rejection_reason is not null

),

base_activities as (

    select
        activity_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__activities') }}
    where rejection_reason is not null

),

base_interventions as (

    select
        intervention_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__interventions') }}
    where rejection_reason is not null

),

base_milestones as (

    select
        milestone_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__milestones') }}
    where rejection_reason is not null

),

base_support_tickets as (

    select
        ticket_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__support_tickets') }}
    where rejection_reason is not null

),

base_nps_responses as (

    select
        response_id,
        account_id,
        rejection_reason
    from {{ ref('base_crm__nps_responses') }}
    where rejection_reason is not null

),

unioned as (

    select
        cast('crm_accounts' as {{ dbt.type_string() }}) as source_table,
        cast(account_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_accounts

    union all

    select
        cast('crm_contacts' as {{ dbt.type_string() }}) as source_table,
        cast(contact_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_contacts

    union all

    select
        cast('crm_opportunities' as {{ dbt.type_string() }}) as source_table,
        cast(opportunity_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_opportunities

    union all

    select
        cast('crm_activities' as {{ dbt.type_string() }}) as source_table,
        cast(activity_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_activities

    union all

    select
        cast('crm_interventions' as {{ dbt.type_string() }}) as source_table,
        cast(intervention_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_interventions

    union all

    select
        cast('crm_milestones' as {{ dbt.type_string() }}) as source_table,
        cast(milestone_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_milestones

    union all

    select
        cast('crm_support_tickets' as {{ dbt.type_string() }}) as source_table,
        cast(ticket_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_support_tickets

    union all

    select
        cast('crm_nps_responses' as {{ dbt.type_string() }}) as source_table,
        cast(response_id as {{ dbt.type_string() }}) as record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(rejection_reason as {{ dbt.type_string() }}) as rejection_reason
    from base_nps_responses

),

final as (

    select
        source_table,
        record_id,
        account_id,
        rejection_reason
    from unioned

)

select * from final
