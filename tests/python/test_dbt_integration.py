"""Integration: build the whole project through dbtRunner on temporary DuckDB files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner

from cs_analytics.contract import CONTRACT, all_tables

from .conftest import PROJECT_DIR

STAGING = {
    table: f"stg_{system}__{table.removeprefix(system + '_')}"
    for system, tables in CONTRACT.items()
    for table in tables
}


def dbt(db_path: Path, *args: str) -> None:
    """Run one dbt command against ``db_path``; fail the test with dbt's error otherwise."""
    previous = os.environ.get("DBT_DUCKDB_PATH")
    os.environ["DBT_DUCKDB_PATH"] = str(db_path)
    try:
        result = dbtRunner().invoke(
            [*args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR),
             "--target", "ci", "--target-path", str(db_path.parent / "target"), "--quiet"]
        )  # fmt: skip
    finally:
        if previous is None:
            os.environ.pop("DBT_DUCKDB_PATH", None)
        else:
            os.environ["DBT_DUCKDB_PATH"] = previous
    assert result.success, f"dbt {' '.join(args)} failed: {result.exception or result.result}"


def fetch(db_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path)) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo warehouse, built once per session: seeds, then every model and test."""
    db_path = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    dbt(db_path, "seed")
    dbt(db_path, "build", "--exclude", "resource_type:seed")
    yield db_path


def test_every_raw_table_has_a_staging_model(warehouse: Path) -> None:
    relations = {
        name for (name,) in fetch(
            warehouse,
            "select table_name from information_schema.tables where table_schema = 'staging'",
        )
    }  # fmt: skip
    missing = {table for table, model in STAGING.items() if model not in relations}
    assert missing == set()


def test_raw_rows_equal_staged_plus_rejected(warehouse: Path) -> None:
    for table, model in STAGING.items():
        system = next(s for s, tables in CONTRACT.items() if table in tables)
        raw, staged, rejected = fetch(
            warehouse,
            f"""
            select
                (select count(*) from raw.{table}),
                (select count(*) from staging.{model}),
                (select count(*) from staging.stg_{system}__rejected_rows
                 where source_table = '{table}')
            """,
        )[0]
        assert raw == staged + rejected, (table, raw, staged, rejected)
        assert staged > 0, table


def test_known_defects_are_quarantined_with_their_reason(warehouse: Path) -> None:
    reasons = dict(
        fetch(
            warehouse,
            "select source_table || ':' || rejection_reason, count(*) "
            "from staging.stg_product__rejected_rows group by 1",
        )
        + fetch(
            warehouse,
            "select source_table || ':' || rejection_reason, count(*) "
            "from staging.stg_billing__rejected_rows group by 1",
        )
    )
    duplicates = fetch(
        warehouse, "select count(*) - count(distinct event_id) from raw.product_events"
    )
    assert reasons.get("product_events:duplicate_primary_key") == duplicates[0][0] > 0
    negative = fetch(warehouse, "select count(*) from raw.billing_invoices where amount_due < 0")
    assert negative[0][0] > 0
    assert reasons.get("billing_invoices:negative_amount", 0) > 0


def test_staging_normalises_emails_and_currencies(warehouse: Path) -> None:
    bad = fetch(
        warehouse,
        """
        select
            (select count(*) from staging.stg_crm__contacts where email <> lower(email)),
            (select count(*) from staging.stg_product__users where email <> lower(email)),
            (select count(*) from staging.stg_billing__invoices where currency <> upper(currency)),
            (select count(*) from staging.stg_crm__contacts where email not like '%_@_%._%')
        """,
    )[0]
    assert bad == (0, 0, 0, 0)


def test_incremental_events_equal_full_refresh(tmp_path: Path) -> None:
    """Load events in two batches (the second with late arrivals), then compare to a rebuild."""
    db_path = tmp_path / "incremental.duckdb"
    cutoff = "2026-08-15 00:00:00"
    dbt(db_path, "seed")
    with duckdb.connect(str(db_path)) as con:
        con.execute("create table raw.events_all as select * from raw.product_events")
        con.execute(f"delete from raw.product_events where received_at >= timestamp '{cutoff}'")
        late = con.execute(
            f"select count(*) from raw.events_all where received_at >= timestamp '{cutoff}' "
            f"and occurred_at < timestamp '{cutoff}'"
        ).fetchone()[0]
    assert late > 0, "the second batch must contain late events for this test to mean anything"
    dbt(db_path, "run", "--select", "+stg_product__events", "--full-refresh")
    with duckdb.connect(str(db_path)) as con:
        first_batch = con.execute("select count(*) from staging.stg_product__events").fetchone()[0]
        con.execute("insert into raw.product_events select * from raw.events_all "
                    f"where received_at >= timestamp '{cutoff}'")  # fmt: skip
    dbt(db_path, "run", "--select", "stg_product__events")
    with duckdb.connect(str(db_path)) as con:
        con.execute("create table main.incremental_result as "
                    "select * from staging.stg_product__events")  # fmt: skip
    dbt(db_path, "run", "--select", "stg_product__events", "--full-refresh")
    with duckdb.connect(str(db_path)) as con:
        counts = con.execute(
            """
            select
                (select count(*) from main.incremental_result),
                (select count(*) from staging.stg_product__events),
                (select count(*) from (select * from main.incremental_result
                    except all select * from staging.stg_product__events)),
                (select count(*) from (select * from staging.stg_product__events
                    except all select * from main.incremental_result))
            """
        ).fetchone()
    incremental, full, only_incremental, only_full = counts
    assert first_batch < incremental
    assert incremental == full
    assert (only_incremental, only_full) == (0, 0)


def test_contract_tables_are_all_seeded(warehouse: Path) -> None:
    seeded = {
        name for (name,) in fetch(
            warehouse,
            "select table_name from information_schema.tables where table_schema = 'raw'",
        )
    }  # fmt: skip
    assert set(all_tables()) <= seeded
