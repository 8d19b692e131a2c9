with

contracts as (

    select
        account_id,
        first_start_date
    from {{ ref('int_accounts_first_dates') }}

),

users as (

    select
        user_id,
        account_id,
        created_at
    from {{ ref('int_users_validated') }}
    where created_at < {{ as_of_period_end() }}

),

user_days as (

    select
        user_id,
        activity_date
    from {{ ref('int_user_days_activity') }}
    where activity_date <= {{ as_of_date() }}

),

provisioned_users as (

    -- Day n = calendar days from the contract start date; users created by day 30 count.
    select
        users.user_id,
        users.account_id,
        cast(users.created_at as date) as created_date,
        cast({{ dbt.dateadd('day', 30, 'cast(users.created_at as date)') }} as date)
            as activation_end_date
    from users
    inner join contracts
        on users.account_id = contracts.account_id
    where
        cast(users.created_at as date)
        <= cast({{ dbt.dateadd('day', 30, 'contracts.first_start_date') }} as date)

),

user_activations as (

    -- Activated: any event on day 0 to 30 after the user's creation date.
    select
        provisioned_users.account_id,
        provisioned_users.user_id,
        max(case when user_days.user_id is not null then 1 else 0 end) as is_activated
    from provisioned_users
    left join user_days
        on
            provisioned_users.user_id = user_days.user_id
            and provisioned_users.created_date <= user_days.activity_date
            and provisioned_users.activation_end_date >= user_days.activity_date
    group by
        provisioned_users.account_id,
        provisioned_users.user_id

),

user_counts as (

    select
        account_id,
        count(*) as provisioned_users,
        sum(is_activated) as activated_users
    from user_activations
    group by account_id

),

final as (

    select
        contracts.account_id,
        cast(coalesce(user_counts.provisioned_users, 0) as {{ dbt.type_bigint() }})
            as provisioned_users,
        cast(coalesce(user_counts.activated_users, 0) as {{ dbt.type_bigint() }})
            as activated_users,
        cast(
            coalesce(user_counts.activated_users, 0) * 1.0
            / nullif(coalesce(user_counts.provisioned_users, 0), 0) as decimal(18, 6)
        ) as activation_rate
    from contracts
    left join user_counts
        on contracts.account_id = user_counts.account_id

)

select * from final
