with

spells as (

    select
        account_month_id,
        account_id,
        month_start_date,
        reference_date,
        is_paying,
        billing_interval,
        interval_count,
        spell_start_date as contract_start_date
    from {{ ref('int_account_months_spells_started') }}

),

terms as (

    -- A term longer than a month renews every term_months after the contract start (a 6-month
    -- term every 6 months, a year every 12); a monthly term has no renewal date.
    select
        *,
        {{ term_months('spells') }} as term_months,
        {{ dbt.datediff('spells.contract_start_date', 'spells.reference_date', 'month') }}
            as months_since_contract_start
    from spells
    where
        spells.is_paying
        and {{ term_months('spells') }} > 1

),

anniversary_offsets as (

    -- The next renewal after the reference date is the last one counted in whole terms of
    -- calendar months since the start, or the one after.
    select 0 as term_offset
    union all
    select 1 as term_offset

),

anniversaries as (

    select
        terms.account_id,
        terms.month_start_date,
        terms.reference_date,
        cast({{ dbt.dateadd(
            'month',
            '(cast(floor(terms.months_since_contract_start * 1.0 / terms.term_months) as '
            ~ dbt.type_int() ~ ') + anniversary_offsets.term_offset) * terms.term_months',
            'terms.contract_start_date') }} as date) as anniversary_date
    from terms
    cross join anniversary_offsets

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
