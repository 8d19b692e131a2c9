"""Time zones (issue 11): a raw timestamp written as ISO 8601 text with an offset or `Z` is the
same instant as its UTC value, so the marts do not change when the same instants are written
with other offsets; naive values are UTC."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from cs_analytics.mart_hashes import schema_hashes

from .test_dbt_integration import EXPECTED_MART_HASHES, dbt

# (raw table, column, offset in minutes east of UTC, suffix written after the local time)
REWRITTEN = (
    ("product_events", "occurred_at", 330, "+05:30"),
    ("product_events", "received_at", 330, "+05:30"),
    ("crm_accounts", "created_at", -300, "-05:00"),
    ("billing_subscriptions", "started_at", 0, "Z"),
    ("billing_subscriptions", "ended_at", -480, "-08:00"),
    ("crm_support_tickets", "created_at", 60, "+01:00"),
)


def local_text(column: str, minutes: int, suffix: str) -> str:
    """SQL: the instant ``column`` as ISO 8601 local time at ``minutes`` east of UTC, with its
    offset (``suffix``) appended; null stays null."""
    local = f"(cast({column} at time zone 'UTC' as timestamp) + interval ({minutes}) minute)"
    return f"strftime({local}, '%Y-%m-%dT%H:%M:%S.%f') || '{suffix}'"


@pytest.fixture(scope="module")
def offset_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data with six raw timestamp columns rewritten as text in other offsets."""
    db_path = tmp_path_factory.mktemp("time_zones") / "warehouse.duckdb"
    dbt(db_path, "seed")
    with duckdb.connect(str(db_path)) as con:
        con.execute("set session TimeZone = 'UTC'")
        for table, column, minutes, suffix in REWRITTEN:
            con.execute(
                f"alter table raw.{table} alter column {column} set data type varchar "
                f"using {local_text(column, minutes, suffix)}"
            )
        sample = con.execute(
            "select occurred_at from raw.product_events where occurred_at is not null limit 1"
        ).fetchall()[0][0]
    assert sample.endswith("+05:30")
    dbt(db_path, "build", "--exclude", "resource_type:seed")
    return db_path


def test_the_same_instants_in_other_offsets_give_identical_marts(offset_warehouse: Path):
    expected = json.loads(EXPECTED_MART_HASHES.read_text())
    actual = schema_hashes(str(offset_warehouse), "marts")
    changed = sorted(name for name in expected if actual[name]["hash"] != expected[name]["hash"])
    assert changed == []


def test_an_offset_is_converted_to_utc_not_dropped(offset_warehouse: Path):
    """Each CRM account's staged created_at is its local time written at -05:00, plus 5 hours."""
    with duckdb.connect(str(offset_warehouse)) as con:
        ((rows, wrong),) = con.execute(
            """
            select
                count(*),
                count(*) filter (
                    where not exists (
                        select 1
                        from raw.crm_accounts as raw
                        where
                            trim(raw.account_id) = stg.account_id
                            and cast(replace(raw.created_at, '-05:00', '') as timestamp)
                            + interval 5 hour = stg.created_at
                    )
                )
            from staging.stg_crm__accounts as stg
            where stg.created_at is not null
            """
        ).fetchall()
    assert rows > 200 and wrong == 0
