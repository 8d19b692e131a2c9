"""Helpers shared by the integration suites (test_dbt_integration.py, test_bad_input.py): run dbt
against a DuckDB file, read what a dbt command failed on, and query the warehouse file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dbt.cli.main import dbtRunner, dbtRunnerResult
from dbt.contracts.graph.manifest import Manifest

from cs_analytics.contract import system_of


@contextmanager
def warehouse_path(db_path: Path) -> Iterator[None]:
    """Point the profile (DBT_DUCKDB_PATH) at ``db_path`` for the duration of a dbt command."""
    previous = os.environ.get("DBT_DUCKDB_PATH")
    os.environ["DBT_DUCKDB_PATH"] = str(db_path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DBT_DUCKDB_PATH", None)
        else:
            os.environ["DBT_DUCKDB_PATH"] = previous


def run_dbt(db_path: Path, args: list[str], manifest: Manifest | None = None) -> dbtRunnerResult:
    """Run one dbt command (``args``, the project and profile included) against ``db_path``,
    reusing ``manifest`` if given (no parse); dbt's result, success or not."""
    with warehouse_path(db_path):
        return dbtRunner(manifest=manifest).invoke(args)


def failed_nodes(result: dbtRunnerResult) -> dict[str, str]:
    """The nodes a dbt command failed or errored on, with dbt's message."""
    results = result.result.results if result.result else []
    return {r.node.name: r.message for r in results if r.status in ("fail", "error")}


def fetch(db_path: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db_path)) as con:
        return con.execute(sql).fetchall()


def table_names(db_path: Path, schema: str) -> set[str]:
    """The tables and views of one schema of the warehouse."""
    sql = f"select table_name from information_schema.tables where table_schema = '{schema}'"
    return {name for (name,) in fetch(db_path, sql)}


def raw_staged_rejected(db_path: Path, raw_table: str) -> tuple[int, int, int]:
    """The rows of a raw table, of its validated (usable) model and of its rows in the system's
    rejected-rows model: a table reconciles when the first is the sum of the other two."""
    system = system_of(raw_table)
    model = usable_model(system, raw_table)
    return fetch(
        db_path,
        f"""
        select
            (select count(*) from raw.{raw_table}),
            (select count(*) from intermediate.{model}),
            (select count(*) from intermediate.int_{system}_rows_rejected
             where source_table = '{raw_table}')
        """,
    )[0]


def usable_model(system: str, raw_table: str) -> str:
    """The intermediate model holding the usable rows of a raw table (what the marts read)."""
    return f"int_{raw_table.removeprefix(system + '_')}_validated"


PROJECT_DIR = Path(__file__).resolve().parents[2]


def publisher(tmp: Path, *dbt_args: str) -> subprocess.Popen:
    """Start `python -m cs_analytics.publish` on the project with a temporary BI file and build
    database, in its own process group."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cs_analytics.publish",
            "--project-dir",
            str(PROJECT_DIR),
            "--warehouse",
            str(tmp / "warehouse.duckdb"),
            "--build-db",
            str(tmp / "build" / "warehouse.duckdb"),
            "--",
            "--quiet",
            *dbt_args,
        ],
        cwd=PROJECT_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(process: subprocess.Popen, timeout: float = 900) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err
