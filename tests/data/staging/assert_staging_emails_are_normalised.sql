-- Staged emails are trimmed, lower-cased, plausible, and agree with is_email_valid.
with

users as (

    select
        user_id as record_id,
        email,
        is_email_valid
    from {{ ref('stg_product__users') }}

),

contacts as (

    select
        contact_id as record_id,
        email,
        is_email_valid
    from {{ ref('stg_crm__contacts') }}

),

emails as (

    select
        'stg_product__users' as model_name,
        record_id,
        email,
        is_email_valid
    from users

    union all

    select
        'stg_crm__contacts' as model_name,
        record_id,
        email,
        is_email_valid
    from contacts

),

bad_emails as (

    select
        model_name,
        record_id,
        email,
        is_email_valid
    from emails
    where
        is_email_valid is null
        or (is_email_valid and email is null)
        or (not is_email_valid and email is not null)
        or email != lower(trim(email))
        or email not like '%_@_%._%'
        or email like '% %'
        or email like '%@%@%'

)

select * from bad_emails
