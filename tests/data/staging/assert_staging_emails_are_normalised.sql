-- Staged emails are trimmed, lower-cased, plausible, and agree with is_email_valid.
with

users as (

    select
        user_id as record_id,
        email,
        is_email_valid
    from {{ ref('int_users_validated') }}

),

contacts as (

    select
        contact_id as record_id,
        email,
        is_email_valid
    from {{ ref('int_contacts_validated') }}

),

emails as (

    select
        'int_users_validated' as model_name,
        record_id,
        email,
        is_email_valid
    from users

    union all

    select
        'int_contacts_validated' as model_name,
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
