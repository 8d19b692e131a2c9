"""Bad input (SPEC section 9): every kind of corruption of the raw data ends in a clear error
naming the table and the column, or in rows quarantined with a reason while every count still
reconciles; never in a silently wrong mart. The cases are in bad_input_cases.py.

Cost: the seeds are loaded once and the selection of every family is built once (the clean
baseline); each case copies that warehouse, corrupts it with DuckDB and rebuilds only its
family's selection. Broken CSV files are written into one copy of the project (each case breaks
a different seed) and only that seed is loaded. The project is parsed once per project copy and
the manifest reused (every warehouse file has the same name, so the same database name).
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
import yaml
from dbt.cli.main import dbtRunnerResult
from dbt.contracts.graph.manifest import Manifest

from cs_analytics.contract import CONTRACT, system_of

from .bad_input_cases import (
    BUILD_FAILURES,
    CORRECTED_EVENT,
    GUARDED_TABLES,
    QUARANTINED,
    SEED_FAILURES,
    SELECTIONS,
    BuildFailure,
    Quarantined,
    SeedFailure,
)
from .conftest import PROJECT_DIR
from .helpers import failed_nodes, fetch, raw_staged_rejected, run_dbt, table_names, usable_model

WAREHOUSE = "warehouse.duckdb"  # the file name of every warehouse (its database name)
BUILD = ("build", "--full-refresh", "--exclude", "resource_type:unit_test",
         "--indirect-selection", "cautious")  # fmt: skip
# What a copy of the project needs to parse and load seeds.
PROJECT_FILES = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests/data")
AS_OF_DATE = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())["vars"]["as_of_date"]


def dbt_args(project_dir: Path, work_dir: Path, *args: str) -> list[str]:
    return [*args, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir),
            "--target", "ci", "--target-path", str(work_dir / "target"),
            "--log-path", str(work_dir / "logs"), "--quiet"]  # fmt: skip


@dataclass
class Project:
    """A dbt project directory and its manifest, parsed once and reused by every command."""

    path: Path
    manifest: Manifest

    @classmethod
    def parse(cls, path: Path, work_dir: Path) -> Project:
        result = run_dbt(work_dir / WAREHOUSE, dbt_args(path, work_dir, "parse"))
        assert result.success, f"dbt parse failed: {result.exception}"
        return cls(path, result.result)

    def invoke(self, db_path: Path, *args: str) -> dbtRunnerResult:
        """Run one dbt command against ``db_path``; dbt's result, success or not."""
        return run_dbt(db_path, dbt_args(self.path, db_path.parent, *args), self.manifest)


def mart_statuses(result: dbtRunnerResult) -> dict[str, str]:
    """The status of every mart model the command ran (success, error or skipped)."""
    results = result.result.results if result.result else []
    return {
        r.node.name: str(r.status)
        for r in results
        if r.node.resource_type == "model" and r.node.fqn[1] == "marts"
    }


def checkpoint(db_path: Path) -> None:
    """Write DuckDB's log into the file, so that a copy of the file holds everything."""
    with duckdb.connect(str(db_path)) as con:
        con.execute("checkpoint")


def copy_warehouse(source: Path, tmp_path: Path, statements: tuple[str, ...] = ()) -> Path:
    """A copy of a warehouse file in ``tmp_path``, with the corruption applied."""
    checkpoint(source)
    db_path = tmp_path / WAREHOUSE
    shutil.copyfile(source, db_path)
    with duckdb.connect(str(db_path)) as con:
        for statement in statements:
            con.execute(statement)
        con.execute("checkpoint")
    return db_path


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project.parse(PROJECT_DIR, tmp_path_factory.mktemp("bad_input_parse"))


@pytest.fixture(scope="module")
def seeded(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding only the demo seeds."""
    db_path = tmp_path_factory.mktemp("bad_input_seeded") / WAREHOUSE
    result = project.invoke(db_path, "seed")
    assert result.success, failed_nodes(result) or result.exception
    return db_path


@pytest.fixture(scope="module")
def baseline(project: Project, seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The clean build of every family's selection, which each case copies and corrupts."""
    db_path = copy_warehouse(seeded, tmp_path_factory.mktemp("bad_input_baseline"))
    selection = sorted({model for models in SELECTIONS.values() for model in models})
    result = project.invoke(db_path, *BUILD, "--select", *selection)
    assert result.success, failed_nodes(result) or result.exception
    return db_path


Case = Quarantined | BuildFailure
Rebuild = Callable[[Case], tuple[Path, dbtRunnerResult]]


@pytest.fixture
def rebuild(project: Project, baseline: Path, tmp_path: Path) -> Rebuild:
    """Corrupt a copy of the clean build as a case says (in ``tmp_path``) and rebuild the case's
    family selection: the corrupted warehouse and dbt's result, success or not."""

    def corrupt_and_build(case: Case) -> tuple[Path, dbtRunnerResult]:
        db_path = copy_warehouse(baseline, tmp_path, case.statements)
        return db_path, project.invoke(db_path, *BUILD, "--select", *SELECTIONS[case.selection])

    return corrupt_and_build


@pytest.fixture(scope="module")
def baseline_rows(baseline: Path) -> dict[str, Counter]:
    """Every row of the guarded tables and of the rejected rows in the clean build."""
    tables = [table for tables in GUARDED_TABLES.values() for table in tables]
    tables += [rejected_model(c.table) for c in (*QUARANTINED, *BUILD_FAILURES) if c.rejected]
    return {table: Counter(fetch(baseline, rows_query(table))) for table in set(tables)}


def rows_query(table: str) -> str:
    """Every row of a table; of a rejected-rows model, the columns the cases list."""
    if table.endswith("_rows_rejected"):
        return f"select source_table, record_id, account_id, rejection_reason from {table}"
    return f"select * from {table}"


def rejected_model(table: str) -> str:
    return f"intermediate.int_{system_of(table)}_rows_rejected"


def assert_quarantined(
    db_path: Path, table: str, rejected: tuple, baseline_rows: dict[str, Counter]
) -> None:
    """The corruption added exactly these rejected rows, and every count reconciles."""
    model = rejected_model(table)
    now = Counter(fetch(db_path, rows_query(model)))
    assert now - baseline_rows[model] == Counter((table, *row) for row in rejected)
    assert not baseline_rows[model] - now, "a previously rejected row is no longer rejected"
    assert_reconciles(db_path, table)


def assert_reconciles(db_path: Path, table: str) -> None:
    """raw = staged + rejected for the table, and for every other table of its system whose
    staging model the selection built."""
    system = system_of(table)
    built = table_names(db_path, "intermediate")
    counts = {
        raw_table: raw_staged_rejected(db_path, raw_table)
        for raw_table in CONTRACT[system]
        if usable_model(system, raw_table) in built
    }
    assert table in counts, built
    assert {t: c for t, c in counts.items() if c[0] != c[1] + c[2]} == {}, counts


def assert_marts_cover_staged_inputs(db_path: Path, selection: str) -> None:
    """The marts keep every account and account-month that the staged inputs imply."""
    if selection == "product":
        used, staged = fetch(
            db_path,
            "select (select sum(event_count) from intermediate.int_account_days_usage), "
            "(select count(*) from intermediate.int_events_validated)",
        )[0]
        assert used == staged > 0
        return
    as_of = f"date '{AS_OF_DATE}'"
    missing_accounts, extra_accounts, missing_months, extra_months, months = fetch(
        db_path,
        f"""
        with first_months as (
            select account_id, date_trunc('month', min(started_at)) as first_month
            from intermediate.int_subscriptions_validated
            where started_at < {as_of} + 1
            group by account_id
        ),
        expected as (
            select
                account_id,
                cast(unnest(range(
                    first_month, date_trunc('month', {as_of}) + interval 1 month, interval 1 month
                )) as date) as month_start_date
            from first_months
        ),
        movements as (select account_id, month_start_date from marts.fct_mrr_movements)
        select
            (select count(*) from (select account_id from intermediate.int_accounts_validated
                except all select account_id from marts.dim_accounts)),
            (select count(*) from (select account_id from marts.dim_accounts
                except all select account_id from intermediate.int_accounts_validated)),
            (select count(*) from (select * from expected except all select * from movements)),
            (select count(*) from (select * from movements except all select * from expected)),
            (select count(*) from movements)
        """,
    )[0]
    assert (missing_accounts, extra_accounts, missing_months, extra_months) == (0, 0, 0, 0)
    assert months > 0


# -- rows quarantined with their reason ---------------------------------------------------------


@pytest.mark.parametrize("case", QUARANTINED, ids=[c.case_id for c in QUARANTINED])
def test_bad_rows_are_quarantined(
    case: Quarantined, rebuild: Rebuild, baseline_rows: dict[str, Counter]
) -> None:
    db_path, result = rebuild(case)
    assert result.success, failed_nodes(result) or result.exception

    assert_quarantined(db_path, case.table, case.rejected, baseline_rows)
    assert_marts_cover_staged_inputs(db_path, case.selection)
    for table in GUARDED_TABLES[case.selection]:
        rows = Counter(fetch(db_path, f"select * from {table}"))
        assert rows == baseline_rows[table], f"{table} differs from the clean build"


# -- the build stops with an error naming table and column --------------------------------------


def offending_rows(db_path: Path, result: dbtRunnerResult, test_name: str) -> list[tuple]:
    """The rows a failed test returned (its compiled query, run again)."""
    node = next(r.node for r in result.result.results if r.node.name == test_name)
    return fetch(db_path, node.compiled_code)


@pytest.mark.parametrize("case", BUILD_FAILURES, ids=[c.case_id for c in BUILD_FAILURES])
def test_bad_tables_fail_the_build(
    case: BuildFailure, project: Project, rebuild: Rebuild, baseline_rows: dict[str, Counter]
) -> None:
    db_path, result = rebuild(case)
    assert not result.success
    assert result.exception is None, result.exception
    failed = failed_nodes(result)
    naming = [
        name for name, message in failed.items()
        if all(word in f"{name}: {message}" for word in case.names)
    ]  # fmt: skip
    assert naming, failed
    marts = mart_statuses(result)
    if case.marts_skipped:
        # No mart was rebuilt from the bad data: BI keeps the last good build.
        assert marts and set(marts.values()) == {"skipped"}, marts
    else:
        assert marts and set(marts.values()) == {"success"}, marts
        assert_marts_cover_staged_inputs(db_path, case.selection)
    if case.rejected:
        assert_quarantined(db_path, case.table, case.rejected, baseline_rows)

    if case.failing_test:
        assert case.failing_test in failed, failed
        shown = " ".join(map(str, offending_rows(db_path, result, case.failing_test)))
        assert all(value in shown for value in case.offending), shown
    if case.staging_model:
        alone = project.invoke(db_path, "run", "--select", case.staging_model)
        message = failed_nodes(alone).get(case.staging_model, "")
        assert all(phrase in message for phrase in case.contract_error), message
    if case.accuracy:
        assert_accuracy(project, db_path, case.table, case.accuracy)


def assert_accuracy(
    project: Project, db_path: Path, table: str, accuracy: tuple[str, int, int]
) -> None:
    """The data-quality accuracy check counts the quarantined rows: (check_id, usable, raw)."""
    model = f"int_dq_usable_{system_of(table)}_measured"
    result = project.invoke(db_path, "run", "--select", model)
    assert result.success, failed_nodes(result) or result.exception
    check_id, usable, raw = accuracy
    measured = fetch(
        db_path,
        f"select numerator, denominator from {schema_of(db_path, model)}.{model} "
        f"where check_id = '{check_id}'",
    )
    assert measured == [(usable, raw)], measured


def schema_of(db_path: Path, relation: str) -> str:
    (schema,) = fetch(
        db_path,
        f"select table_schema from information_schema.tables where table_name = '{relation}'",
    )[0]
    return schema


# -- an event corrected by a later delivery ---------------------------------------------------


def test_a_corrected_event_keeps_its_latest_delivery(
    rebuild: Rebuild, baseline: Path, baseline_rows: dict[str, Counter]
) -> None:
    """Deliveries of one event that differ are settled by received_at, the events' change time:
    the latest received is the usable event (never the sort order of its values)."""
    db_path, result = rebuild(CORRECTED_EVENT)
    assert result.success, failed_nodes(result) or result.exception
    assert_quarantined(db_path, CORRECTED_EVENT.table, CORRECTED_EVENT.rejected, baseline_rows)

    event = (
        "select duration_seconds, received_at from intermediate.int_events_validated "
        "where event_id = 'E00001-0000004'"
    )
    assert fetch(baseline, event) == [(0, datetime(2026, 6, 5, 13, 59, 6))]
    assert fetch(db_path, event) == [(60, datetime(2026, 6, 5, 17, 30, 44))]
    seconds = "select sum(session_seconds) from intermediate.int_account_days_usage"
    assert fetch(db_path, seconds)[0][0] == fetch(baseline, seconds)[0][0] + 60


# -- a broken CSV stops the seed ---------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_seeds_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A copy of the project in which every seed case has broken its own CSV file."""
    path = tmp_path_factory.mktemp("bad_input_project")
    for name in PROJECT_FILES:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, path / name)
        else:
            shutil.copyfile(source, path / name)
    tables = [case.table for case in SEED_FAILURES]
    assert len(set(tables)) == len(tables), "each seed case needs its own seed file"
    for case in SEED_FAILURES:
        csv = path / "seeds" / f"{case.table}.csv"
        lines = csv.read_text().splitlines()
        csv.write_text("\n".join(case.edit(lines)) + "\n")
    return Project.parse(path, tmp_path_factory.mktemp("bad_input_project_parse"))


# agate warns that a column_types entry names no column of the CSV (missing_column_in_csv).
@pytest.mark.filterwarnings("ignore:.*does not match the name of any column:RuntimeWarning")
@pytest.mark.parametrize("case", SEED_FAILURES, ids=[c.case_id for c in SEED_FAILURES])
def test_broken_csv_fails_the_seed(
    case: SeedFailure, broken_seeds_project: Project, seeded: Path, tmp_path: Path
) -> None:
    db_path = copy_warehouse(seeded, tmp_path)
    result = broken_seeds_project.invoke(db_path, "seed", "--select", case.table)
    assert not result.success
    message = failed_nodes(result).get(case.table, "")
    assert all(phrase in message for phrase in case.message), message
    # Nothing half-loaded: the load is rolled back and the raw table keeps its last good rows.
    count = f"select count(*) from raw.{case.table}"
    assert fetch(db_path, count) == fetch(seeded, count)
