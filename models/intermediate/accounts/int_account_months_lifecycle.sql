with

spells as (

    select
        account_month_id,
        account_id,
        month_start_date,
        reference_date,
        is_paying,
        billing_interval,
        spell_start_date as contract_start_date
    from {{ ref('int_account_months_spells_started') }}

),

anniversary_offsets as (

    -- The next anniversary after the reference date is in the reference date's calendar
    -- year or the one after.
    select 0 as year_offset
    union all
    select 1 as year_offset

),

anniversaries as (

    select
        spells.account_id,
        spells.month_start_date,
        spells.reference_date,
        cast({{ dbt.dateadd(
            'year',
            dbt.datediff('spells.contract_start_date', 'spells.reference_date', 'year')
            ~ ' + anniversary_offsets.year_offset',
            'spells.contract_start_date') }} as date) as anniversary_date
    from spells
    cross join anniversary_offsets
    where
        spells.billing_interval = 'year'
        and spells.is_paying

),

renewals as (

    select
        account_id,
        month_start_date,
        min(anniversary_date) as next_renewal_date
    from anniversaries
    where anniversary_date > reference_date
    group by
        account_id,
        month_start_date

),

measured as (

    select
        spells.*,
        renewals.next_renewal_date,
        {{ dbt.datediff('spells.contract_start_date', 'spells.reference_date', 'day') }}
            as days_since_contract_start,
        {{ dbt.datediff('spells.reference_date', 'renewals.next_renewal_date', 'day') }}
            as days_to_renewal
    from spells
    left join renewals
        on {{ join_on_keys('spells', 'renewals', ['account_id', 'month_start_date']) }}

),

final as (

    -- contract_start_date is null outside paying months, and so is days_since_contract_start.
    select
        *,
        case
            when not is_paying then null
            when days_since_contract_start < 90 then 'onboarding'
            when days_to_renewal <= 90 then 'renewal_window'
            when days_since_contract_start < 365 then 'growth'
            else 'mature'
        end as lifecycle_stage
    from measured

)

select * from final
