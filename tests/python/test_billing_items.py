"""Billing items (issue 11, problems 1-3): the raw contract holds billing as Stripe models it.

The demo data, plus items a real billing system has and the demo does not: a flat-fee add-on
billed beside account A00004's base plan (26 seats, growth-annual-usd, open-ended), with a
percent discount whose result the billing system rounded (its billed_amount is authoritative),
and a new account on a 6-month term (month x 6) with a discount amount, each with invoices.
The build passes (the overlap test allows a base plan and add-ons side by side), MRR adds the
items up, seats come from the per-seat item only, the 6-month term renews every 6 months and
every invoice agrees with its item.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from .helpers import fetch
from .test_dbt_integration import dbt

BASE_MRR = Decimal("828.75")  # A00004's base item: 26 seats on growth-annual-usd

STATEMENTS = (
    # A flat-fee add-on (99 USD a month whatever the quantity, no tier) and a 6-month price
    # (270 USD per seat every 6 months).
    "insert into raw.billing_plans by name select 'sso-addon-usd' as plan_id, 'SSO add-on' as "
    "plan_name, null as plan_tier, 'month' as billing_interval, 99 as unit_amount, 'USD' as "
    "currency, 1 as interval_count, 'flat_fee' as price_kind, true as is_add_on",
    "insert into raw.billing_plans by name select 'growth-semiannual-usd' as plan_id, "
    "'Growth (6 months)' as plan_name, 'growth' as plan_tier, 'month' as billing_interval, "
    "270 as unit_amount, 'USD' as currency, 6 as interval_count, 'per_seat' as price_kind, "
    "false as is_add_on",
    # A00004 adds it from May 2026 for 3 workspaces: 99 x 0.9 = 89.10, billed 89.00.
    "insert into raw.billing_subscriptions by name select 'S00004-9001' as subscription_id, "
    "'A00004' as account_id, 'sso-addon-usd' as plan_id, 3 as quantity, 10 as "
    "discount_percent, timestamptz '2026-05-01 00:00:00+00' as started_at, 89.00 as "
    "billed_amount",
    # A new account on the 6-month price from February 2026: 10 x 270 - 100 off = 2600 a term.
    "insert into raw.crm_accounts select * replace ('A09001' as account_id, 'Six Months Co' "
    "as account_name) from raw.crm_accounts where account_id = 'A00004'",
    "insert into raw.billing_subscriptions by name select 'S09001-0001' as subscription_id, "
    "'A09001' as account_id, 'growth-semiannual-usd' as plan_id, 10 as quantity, 0 as "
    "discount_percent, 100 as discount_amount, timestamptz '2026-02-01 00:00:00+00' as "
    "started_at",
    *(
        "insert into raw.billing_invoices by name select "
        f"'{invoice_id}' as invoice_id, '{account_id}' as account_id, '{subscription_id}' as "
        f"subscription_id, date '{day}' as invoice_date, date '{day}' + 14 as due_date, "
        f"timestamptz '{day} 10:00:00+00' as paid_at, {amount} as amount_due, {amount} as "
        f"amount_paid, 'USD' as currency, 'paid' as status, '{reason}' as billing_reason"
        for invoice_id, account_id, subscription_id, day, amount, reason in (
            ("I00004-9001", "A00004", "S00004-9001", "2026-05-01", "89.00", "subscription_create"),
            ("I00004-9002", "A00004", "S00004-9001", "2026-06-01", "89.00", "subscription_cycle"),
            ("I09001-0001", "A09001", "S09001-0001", "2026-02-01", "2600", "subscription_create"),
            ("I09001-0002", "A09001", "S09001-0001", "2026-08-01", "2600", "subscription_cycle"),
        )
    ),
)


@pytest.fixture(scope="module")
def billed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo seeds plus the items above, built up to dim_accounts, the lifecycle mart and
    the billing data-quality checks, with their data tests (the overlap test among them)."""
    db_path = tmp_path_factory.mktemp("billing_items") / "warehouse.duckdb"
    dbt(db_path, "seed")
    with duckdb.connect(str(db_path)) as con:
        for statement in STATEMENTS:
            con.execute(statement)
    dbt(
        db_path, "build", "--exclude", "resource_type:seed", "resource_type:unit_test",
        "--indirect-selection", "cautious", "--select", "+dim_accounts",
        "+fct_account_lifecycle_monthly", "+int_dq_usable_billing_measured",
        "+int_billing_rows_rejected",
    )  # fmt: skip
    return db_path


def test_a_base_plan_and_a_flat_fee_add_on_add_up(billed: Path) -> None:
    """Problems 1 and 3: both items count in MRR (the add-on at its billed amount), the add-on
    licenses no seats and the account keeps its base plan."""
    rows = fetch(
        billed,
        "select month_start_date, plan_id, seats, mrr from intermediate.int_account_months_revenue "
        "where account_id = 'A00004' and month_start_date between '2026-04-01' and '2026-05-01' "
        "order by 1",
    )
    assert [row[1:] for row in rows] == [
        ("growth-annual-usd", 26, BASE_MRR),
        ("growth-annual-usd", 26, BASE_MRR + Decimal("89.00")),
    ]
    ((plan, seats, mrr_usd),) = fetch(
        billed,
        "select current_plan_id, current_seats, current_mrr_usd from marts.dim_accounts "
        "where account_id = 'A00004'",
    )
    assert (plan, seats, mrr_usd) == ("growth-annual-usd", 26, BASE_MRR + Decimal("89.00"))


def test_a_six_month_term_is_priced_and_renewed_every_six_months(billed: Path) -> None:
    """Problems 2 and 3: 2600 a term (10 x 270 - 100) is 433.33 a month; the contract renews on
    2026-08-01, then 2027-02-01 (a renewal window in the 90 days before each)."""
    rows = fetch(
        billed,
        "select month_start_date, mrr_usd, lifecycle_stage, next_renewal_date "
        "from marts.fct_account_lifecycle_monthly where account_id = 'A09001' "
        "and month_start_date in ('2026-03-01', '2026-06-01', '2026-09-01') order by 1",
    )
    assert [(str(row[0]), row[1], row[2], str(row[3])) for row in rows] == [
        ("2026-03-01", Decimal("433.33"), "onboarding", "2026-08-01"),
        ("2026-06-01", Decimal("433.33"), "renewal_window", "2026-08-01"),
        ("2026-09-01", Decimal("433.33"), "growth", "2027-02-01"),
    ]


def test_every_invoice_agrees_with_its_item(billed: Path) -> None:
    """Problems 2 and 3: the invoices of a 6-month term and of a billed add-on agree with the
    item's charge per term, as every demo invoice does."""
    ((numerator, denominator),) = fetch(
        billed,
        "select numerator, denominator from intermediate.int_dq_usable_billing_measured "
        "where check_id = 'invoice_consistency.int_invoices_validated'",
    )
    assert numerator == denominator == 2707 + 4
