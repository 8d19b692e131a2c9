"""The kinds of bad input of the bad-input suite (SPEC section 9), as data: what each case does to
the raw data and the outcome it must end in. test_bad_input.py runs them.

Three families, by where the corruption enters and how the project answers it:

- ``QUARANTINED``: a bad row lands in a raw table of the seeded warehouse. The build passes, the
  row is in ``int_<system>_rows_rejected`` with its reason, raw = staged + rejected for every
  table of the system, and the marts are exactly those of the clean build (the row never
  reached them).
- ``BUILD_FAILURES``: a raw table in the warehouse is inconsistent in a way no single row can be
  blamed for (overlapping periods, a price breaking the validity target, a quarantined row that
  other rows still reference), or breaks the contract (missing column, empty table, text that
  does not cast). ``dbt build`` fails naming the table and the column, and every mart is
  skipped (BI keeps the last good build), except where the failing test does not feed the marts:
  they are then rebuilt from the staged rows only, the bad row being quarantined.
- ``SEED_FAILURES``: the CSV file itself is broken. ``dbt seed`` (the first step of ``make
  build``) fails naming the seed and, where DuckDB's CSV reader says so, the column and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# What each family builds after corrupting the data: the staging models of the system, its
# rejected rows and the marts they feed (billing: the revenue marts and dim_accounts; product:
# the account-day usage every product mart reads), with only the tests whose parents are all
# selected. Unit tests do not read the data and are left out.
SELECTIONS: dict[str, tuple[str, ...]] = {
    "billing": (
        "+fct_mrr_movements",
        "+dim_accounts",
        "+int_billing_rows_rejected",
        "+int_invoices_validated",
        "+int_crm_rows_rejected",
    ),
    "product": ("+int_account_days_usage", "+int_product_rows_rejected"),
}
# The billing selection with the checks of the billing raw tables (SPEC section 8 targets,
# measured on the staging models), for the cases that break a data-quality target.
SELECTIONS["billing_dq"] = (*SELECTIONS["billing"], "+int_dq_raw_billing_measured")

# The tables a clean build must reproduce exactly after a quarantined row (compared row by row).
GUARDED_TABLES: dict[str, tuple[str, ...]] = {
    "billing": ("marts.fct_mrr_movements", "marts.dim_accounts"),
    "product": ("intermediate.int_account_days_usage",),
}
GUARDED_TABLES["billing_dq"] = GUARDED_TABLES["billing"]


Rejected = tuple[str | None, str | None, str]


@dataclass(frozen=True)
class Quarantined:
    """A bad row added to a raw table: the build passes, the row is rejected with its reason and
    nothing else changes."""

    case_id: str
    corruption: str
    selection: str  # key of SELECTIONS / GUARDED_TABLES
    table: str
    statements: tuple[str, ...]
    # The rows the corruption adds to int_<system>_rows_rejected: (record_id, account_id,
    # rejection_reason).
    rejected: tuple[Rejected, ...]


@dataclass(frozen=True)
class BuildFailure:
    """A corrupted raw table that must stop ``dbt build``."""

    case_id: str
    corruption: str
    selection: str
    table: str
    statements: tuple[str, ...]
    # Words one failed node (its name and message together) must all contain.
    names: tuple[str, ...]
    # A test expected to fail, and the values its failing rows must show (the offending rows).
    failing_test: str | None = None
    offending: tuple[str, ...] = ()
    # The contract check of the staging model (macros/staging/checked_source.sql): the model and the
    # phrases of its error, checked with `dbt run` of that model alone (the source tests of a
    # build may stop the build before it runs).
    staging_model: str | None = None
    contract_error: tuple[str, ...] = ()
    # Rows the corruption quarantines on the way (as Quarantined.rejected).
    rejected: tuple[Rejected, ...] = ()
    # The accuracy check of those rows in int_dq_usable_<system>_measured, run after the build:
    # (check_id, usable rows, raw rows).
    accuracy: tuple[str, int, int] | None = None
    # The marts are skipped (the failure is upstream of them), or else rebuilt from the staged
    # rows (the failing test is on a branch that does not feed them).
    marts_skipped: bool = True


@dataclass(frozen=True)
class SeedFailure:
    """A broken CSV seed file that must stop ``dbt seed``."""

    case_id: str
    corruption: str
    table: str
    edit: Callable[[list[str]], list[str]] = field(repr=False)
    # Phrases dbt's message for the seed must contain.
    message: tuple[str, ...]


def replace_field(line: int, column: int, value: str) -> Callable[[list[str]], list[str]]:
    """Set one field of one line (0 is the header) of a CSV without quoted commas."""

    def edit(lines: list[str]) -> list[str]:
        fields = lines[line].split(",")
        fields[column] = value
        return [*lines[:line], ",".join(fields), *lines[line + 1 :]]

    return edit


def append_to_line(line: int, text: str) -> Callable[[list[str]], list[str]]:
    def edit(lines: list[str]) -> list[str]:
        return [*lines[:line], lines[line] + text, *lines[line + 1 :]]

    return edit


def truncate_line(line: int, keep_fields: int) -> Callable[[list[str]], list[str]]:
    def edit(lines: list[str]) -> list[str]:
        kept = ",".join(lines[line].split(",")[:keep_fields])
        return [*lines[:line], kept, *lines[line + 1 :]]

    return edit


def drop_column(column: int) -> Callable[[list[str]], list[str]]:
    def edit(lines: list[str]) -> list[str]:
        return [",".join(f for i, f in enumerate(x.split(",")) if i != column) for x in lines]

    return edit


@dataclass(frozen=True)
class RawRow:
    """One row of a raw table, by its key, that cases insert again with some columns changed."""

    table: str
    key: str
    value: str

    def copy(self, **replace: str) -> str:
        """The statement inserting a copy of the row, ``replace`` giving the new value of each
        changed column as a SQL expression (in the order given)."""
        columns = ", ".join(f"{expression} as {column}" for column, expression in replace.items())
        replaced = f" replace ({columns})" if replace else ""
        return (
            f"insert into raw.{self.table} select *{replaced} "
            f"from raw.{self.table} where {self.key} = '{self.value}'"
        )


# Rows the cases copy: the only subscription period of account A00004 (growth-annual-usd, 26
# seats, open-ended from 2026-04-01; invoice I00004-0001 references it), the first invoice of
# A00001 (6750.00 USD), the first event of A00001 (feature api, 4 seconds, delivered once) and
# the CRM account A00004.
SUBSCRIPTION = RawRow("billing_subscriptions", "subscription_id", "S00004-0001")
PLAN = RawRow("billing_plans", "plan_id", "starter-monthly-usd")
INVOICE = RawRow("billing_invoices", "invoice_id", "I00001-0001")
EVENT = RawRow("product_events", "event_id", "E00001-0000001")
ACCOUNT = RawRow("crm_accounts", "account_id", "A00004")

QUARANTINED: tuple[Quarantined, ...] = (
    Quarantined(
        case_id="null_key",
        corruption="a copy of event E00001-0000001 delivered without event_id",
        selection="product",
        table="product_events",
        statements=(EVENT.copy(event_id="null"),),
        rejected=((None, "A00001", "missing_primary_key"),),
    ),
    Quarantined(
        case_id="duplicate_key",
        corruption="CRM account A00004 exported twice, the copies identical (an exact copy is "
        "deduplicated: one is kept)",
        selection="billing",
        table="crm_accounts",
        statements=(ACCOUNT.copy(),),
        rejected=(("A00004", "A00004", "duplicate_primary_key"),),
    ),
    Quarantined(
        case_id="redelivered_event",
        corruption="event E00001-0000001 delivered again an hour later with the same payload "
        "(the first received is kept)",
        selection="product",
        table="product_events",
        statements=(EVENT.copy(received_at="received_at + interval 1 hour"),),
        rejected=(("E00001-0000001", "A00001", "duplicate_primary_key"),),
    ),
    Quarantined(
        case_id="orphan_id",
        corruption="a subscription period S99999-0001 of account A99999, which is not in the CRM",
        selection="billing",
        table="billing_subscriptions",
        statements=(SUBSCRIPTION.copy(subscription_id="'S99999-0001'", account_id="'A99999'"),),
        rejected=(("S99999-0001", "A99999", "unknown_account_id"),),
    ),
    Quarantined(
        case_id="unpriceable_plan",
        corruption="two copies of plan starter-monthly-usd that no MRR can be read from: one "
        "billed weekly, one of price_kind metered (neither is in the contract)",
        selection="billing",
        table="billing_plans",
        statements=(
            PLAN.copy(plan_id="'starter-weekly-usd'", billing_interval="'week'"),
            PLAN.copy(plan_id="'starter-metered-usd'", price_kind="'metered'"),
        ),
        rejected=(
            ("starter-weekly-usd", None, "invalid_value"),
            ("starter-metered-usd", None, "invalid_value"),
        ),
    ),
    Quarantined(
        case_id="negative_discount_amount",
        corruption="an item S00004-9998 of A00004 with discount_amount -10",
        selection="billing",
        table="billing_subscriptions",
        statements=(SUBSCRIPTION.copy(subscription_id="'S00004-9998'", discount_amount="-10"),),
        rejected=(("S00004-9998", "A00004", "negative_amount"),),
    ),
    Quarantined(
        case_id="negative_amount",
        corruption="an invoice I99999-0001 of A00001 with amount_due -6750.00",
        selection="billing",
        table="billing_invoices",
        statements=(INVOICE.copy(invoice_id="'I99999-0001'", amount_due="-amount_due"),),
        rejected=(("I99999-0001", "A00001", "negative_amount"),),
    ),
    Quarantined(
        case_id="future_timestamp",
        corruption="an event E00001-9999999 that occurred 2026-12-15, after as_of_date "
        "2026-10-31 + 1 day of tolerance (received with the newest deliveries)",
        selection="product",
        table="product_events",
        statements=(
            EVENT.copy(
                event_id="'E00001-9999999'",
                occurred_at="timestamp '2026-12-15 10:00:00'",
                received_at="timestamp '2026-10-31 23:00:00'",
            ),
        ),
        rejected=(("E00001-9999999", "A00001", "future_timestamp"),),
    ),
    Quarantined(
        case_id="unknown_currency",
        corruption="an invoice I99999-0002 of A00001 in currency XYZ (not USD, no fx rate)",
        selection="billing",
        table="billing_invoices",
        statements=(INVOICE.copy(invoice_id="'I99999-0002'", currency="'XYZ'"),),
        rejected=(("I99999-0002", "A00001", "unknown_currency"),),
    ),
    Quarantined(
        case_id="ended_before_started",
        corruption="a subscription period S00004-9999 of A00004 that ends 10 days before it starts",
        selection="billing",
        table="billing_subscriptions",
        statements=(
            SUBSCRIPTION.copy(
                subscription_id="'S00004-9999'", ended_at="started_at - interval 10 day"
            ),
        ),
        rejected=(("S00004-9999", "A00004", "invalid_period"),),
    ),
)

BUILD_FAILURES: tuple[BuildFailure, ...] = (
    BuildFailure(
        case_id="conflicting_reference_rate",
        corruption="a second EUR rate for 2026-03 at half the real one (1.14231100): reference "
        "data with two values for one key stops the build",
        selection="billing",
        table="fx_rates",
        statements=(
            "insert into raw.fx_rates select * replace (rate_to_usd / 2 as rate_to_usd) "
            "from raw.fx_rates where currency = 'EUR' and month = date '2026-03-01'",
        ),
        names=(
            "stg_reference__fx_rates",
            "Reference table raw.fx_rates",
            "currency EUR, month_start_date 2026-03-01",
            "rate_to_usd 0.57115550 vs 1.14231100",
        ),
    ),
    BuildFailure(
        case_id="conflicting_subscription_copies",
        corruption="subscription period S00004-0001 (26 seats) exported twice, once with 1 seat: "
        "both copies are quarantined (neither is chosen by sort order), and its invoice "
        "I00004-0001 then references a quarantined period",
        selection="billing",
        table="billing_subscriptions",
        statements=(SUBSCRIPTION.copy(quantity="1"),),
        names=("int_invoices_validated", "subscription_id", "Got 1 result"),
        failing_test=(
            "relationships_int_invoices_validated_subscription_id__subscription_id"
            "__ref_int_subscriptions_validated_"
        ),
        offending=("S00004-0001",),
        rejected=(
            ("S00004-0001", "A00004", "conflicting_duplicate"),
            ("S00004-0001", "A00004", "conflicting_duplicate"),
        ),
        # 390 raw periods + the copy; 389 usable.
        accuracy=("accuracy.int_subscriptions_validated", 389, 391),
        marts_skipped=False,
    ),
    BuildFailure(
        case_id="overlapping_periods",
        corruption="a second open-ended period S00004-9999 of A00004 starting 10 days into its "
        "current one",
        selection="billing",
        table="billing_subscriptions",
        statements=(
            SUBSCRIPTION.copy(
                subscription_id="'S00004-9999'", started_at="started_at + interval 10 day"
            ),
        ),
        names=("stg_billing__subscriptions", "periods_do_not_overlap", "Got 1 result"),
        failing_test="assert_stg_billing__subscriptions_periods_do_not_overlap",
        offending=("A00004", "S00004-0001", "S00004-9999"),
    ),
    BuildFailure(
        case_id="negative_price",
        corruption="plan growth-annual-usd (1 of 18 plans, 43 periods on it) with a negative "
        "unit_amount",
        selection="billing_dq",
        table="billing_plans",
        statements=(
            "update raw.billing_plans set unit_amount = -unit_amount "
            "where plan_id = 'growth-annual-usd'",
        ),
        names=("dq_checks_pass", "int_dq_raw_billing_measured", "Got 1 result"),
        failing_test="dq_checks_pass_int_dq_raw_billing_measured_",
        # The validity rule holds for 17 of the 18 raw plans (all staged in stg_billing__plans).
        offending=("stg_billing__plans", "unit_amount", "0.944444", "0.990000"),
    ),
    BuildFailure(
        case_id="quarantined_period_with_invoices",
        corruption="the existing period S00004-0001 made to end the day before it starts: it "
        "is quarantined, and its invoice I00004-0001 still references it",
        selection="billing",
        table="billing_subscriptions",
        statements=(
            "update raw.billing_subscriptions set ended_at = started_at - interval 1 day "
            "where subscription_id = 'S00004-0001'",
        ),
        names=("int_invoices_validated", "subscription_id", "Got 1 result"),
        failing_test=(
            "relationships_int_invoices_validated_subscription_id__subscription_id"
            "__ref_int_subscriptions_validated_"
        ),
        offending=("S00004-0001",),
        rejected=(("S00004-0001", "A00004", "invalid_period"),),
        marts_skipped=False,
    ),
    BuildFailure(
        case_id="empty_table",
        corruption="billing_subscriptions loaded empty",
        selection="billing",
        table="billing_subscriptions",
        statements=("delete from raw.billing_subscriptions",),
        names=("billing_subscriptions",),
        staging_model="stg_billing__subscriptions",
        contract_error=("Raw table raw.billing_subscriptions", "the table is empty"),
    ),
    BuildFailure(
        case_id="empty_parent_table",
        corruption="crm_accounts loaded empty (every other table's rows become orphans)",
        selection="billing",
        table="crm_accounts",
        statements=("delete from raw.crm_accounts",),
        names=("stg_crm__accounts", "Raw table raw.crm_accounts", "the table is empty"),
        staging_model="stg_crm__accounts",
        contract_error=("Raw table raw.crm_accounts", "the table is empty"),
    ),
    BuildFailure(
        case_id="missing_column",
        corruption="billing_subscriptions without its quantity column",
        selection="billing",
        table="billing_subscriptions",
        statements=("alter table raw.billing_subscriptions drop column quantity",),
        names=("billing_subscriptions", "quantity"),
        staging_model="stg_billing__subscriptions",
        contract_error=("Raw table raw.billing_subscriptions", "missing column(s) quantity"),
    ),
    BuildFailure(
        case_id="wrong_type_in_table",
        corruption="billing_subscriptions.quantity landed as text, S00004-0001 holding 'many'",
        selection="billing",
        table="billing_subscriptions",
        statements=(
            "alter table raw.billing_subscriptions alter quantity type varchar",
            "update raw.billing_subscriptions set quantity = 'many' "
            "where subscription_id = 'S00004-0001'",
        ),
        names=("billing_subscriptions", "quantity"),
        staging_model="stg_billing__subscriptions",
        contract_error=(
            "Raw table raw.billing_subscriptions",
            "column quantity (varchar): 1 row(s) hold values that are not integer",
            "subscription_id S00004-0001: 'many'",
        ),
    ),
)

SEED_FAILURES: tuple[SeedFailure, ...] = (
    SeedFailure(
        case_id="wrong_type_quantity",
        corruption="billing_subscriptions.csv line 2: quantity 'many'",
        table="billing_subscriptions",
        edit=replace_field(1, 3, "many"),
        message=("billing_subscriptions", 'converting column "quantity"', '"many"', "Line: 2"),
    ),
    SeedFailure(
        case_id="wrong_type_timestamp",
        corruption="crm_support_tickets.csv line 4: created_at 'last tuesday'",
        table="crm_support_tickets",
        edit=replace_field(3, 6, "last tuesday"),
        message=(
            "crm_support_tickets",
            'converting column "created_at"',
            '"last tuesday"',
            "Line: 4",
        ),
    ),
    SeedFailure(
        case_id="malformed_line",
        corruption="billing_invoices.csv line 8: an unquoted comma in billing_reason (12 fields "
        "for 11 columns)",
        table="billing_invoices",
        edit=append_to_line(7, ", manual"),
        # agate counts data rows from 0: row 6 is line 8 of the file.
        message=("billing_invoices", "Row 6 has 12 values, but Table only has 11 columns"),
    ),
    SeedFailure(
        case_id="truncated_line",
        corruption="crm_activities.csv line 8 cut after 4 of its 6 fields",
        table="crm_activities",
        edit=truncate_line(7, 4),
        # DuckDB's CSV sniffer gives up on the file: the seed is named, the line is not.
        message=("crm_activities.csv", "not possible to automatically detect the CSV"),
    ),
    SeedFailure(
        case_id="missing_column_in_csv",
        corruption="crm_nps_responses.csv without its score column",
        table="crm_nps_responses",
        edit=drop_column(3),
        # The seed is named and the column count given, not the missing column's name.
        message=(
            "crm_nps_responses",
            "does not match the number of columns found by the sniffer: 4",
        ),
    ),
)


# An event the source sent again corrected (received_at is the events' change time): the
# latest received delivery is kept, every other rejected as duplicate_primary_key. The session
# start E00001-0000004 (0 seconds) is one of the demo's redeliveries (identical copies received
# 2026-06-05 13:59:06 and 16:30:44 UTC; the first is kept today).
CORRECTED_EVENT = Quarantined(
    case_id="corrected_event",
    corruption="session start E00001-0000004 delivered a third time, at 17:30:44, corrected to "
    "60 seconds",
    selection="product",
    table="product_events",
    statements=(
        "insert into raw.product_events select * replace (60 as duration_seconds, "
        "received_at + interval 1 hour as received_at) from raw.product_events "
        "where event_id = 'E00001-0000004' order by received_at desc limit 1",
    ),
    # The delivery kept today joins the one rejected already.
    rejected=(("E00001-0000004", "A00001", "duplicate_primary_key"),),
)
