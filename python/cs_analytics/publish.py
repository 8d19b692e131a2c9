"""Write-audit-publish: load, build and test the project in a private build database, and only
when every node passed, publish the marts into the file BI reads.

The BI file (``warehouse.duckdb``) is never opened for writing. A publication is a new DuckDB
file written beside it and renamed over it (``os.replace``, atomic on one filesystem), so:

- readers never block the build and the build never blocks readers;
- a connected reader keeps the previous publication until it reconnects (it holds the old
  inode), and a reader that connects sees either the previous or the new publication whole;
- a failed, interrupted or concurrent build leaves the last publication byte-identical.

The published file holds the ``marts`` schema (the tables the semantic layer and BI read, with
their dbt names) and ``main.publication_log`` (one row per publication, the latest last) with
``main.publication_marts`` (each mart's row count per publication): no raw, staging or
intermediate table, so no personal data.

Run it with ``python -m cs_analytics.publish`` (``make build`` does); ``--help`` for options.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

# The schemas a publication copies from the build database.
PUBLISHED_SCHEMAS: tuple[str, ...] = ("marts",)

LOG_TABLE = "main.publication_log"
MARTS_TABLE = "main.publication_marts"


class BuildLocked(RuntimeError):
    """Another build holds the lock of this build folder."""


@dataclass(frozen=True)
class BuildSummary:
    """What one dbt build did: counts by resource type, the nodes that failed or errored (with
    dbt's first message line) and how many were skipped because of them."""

    models: int
    tests: int
    seeds: int
    other: int
    failures: tuple[str, ...]
    skipped: int = 0

    @property
    def passed(self) -> bool:
        return not self.failures and not self.skipped


@contextmanager
def build_lock(build_dir: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``build_dir`` for the block; raise BuildLocked at once if
    another build holds it. The lock is released by the kernel if the process dies."""
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / "build.lock"
    with path.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise BuildLocked(
                f"another build is running (it holds {path}); nothing was built or published"
            ) from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def summarize(results: Sequence[object]) -> BuildSummary:
    """Counts and failures of dbt run results (objects with ``.node`` and ``.status``)."""
    counts = {"model": 0, "test": 0, "seed": 0, "other": 0}
    failures = []
    skipped = 0
    for result in results:
        node = result.node  # type: ignore[attr-defined]
        kind = node.resource_type if node.resource_type in counts else "other"
        counts[kind] += 1
        status = str(result.status)  # type: ignore[attr-defined]
        if status == "skipped":
            skipped += 1
        elif status not in ("success", "pass", "warn", "no-op"):
            message = (getattr(result, "message", None) or "").strip().splitlines()
            detail = f": {message[0]}" if message else ""
            failures.append(f"{node.resource_type} {node.name} {status}{detail}")
    return BuildSummary(
        models=counts["model"],
        tests=counts["test"],
        seeds=counts["seed"],
        other=counts["other"],
        failures=tuple(failures),
        skipped=skipped,
    )


def run_build(build_db: Path, dbt_args: Sequence[str]) -> BuildSummary:
    """``dbt seed`` then ``dbt build`` (every node but the seeds) into ``build_db``, in this
    process: killing it stops the build. ``dbt_args`` are appended to both commands."""
    from dbt.cli.main import dbtRunner

    os.environ["DBT_DUCKDB_PATH"] = str(build_db)
    summaries = []
    for command in (["seed"], ["build", "--exclude", "resource_type:seed"]):
        outcome = dbtRunner().invoke([*command, *dbt_args])
        results = outcome.result.results if outcome.result is not None else []
        summary = summarize(results)
        if not outcome.success and summary.passed:
            error = outcome.exception or "dbt reported a failure"
            summary = BuildSummary(0, 0, 0, 0, (f"dbt {command[0]}: {error}",))
        summaries.append(summary)
        if not summary.passed:
            break
    release_duckdb()
    return BuildSummary(
        models=sum(s.models for s in summaries),
        tests=sum(s.tests for s in summaries),
        seeds=sum(s.seeds for s in summaries),
        other=sum(s.other for s in summaries),
        failures=tuple(f for s in summaries for f in s.failures),
        skipped=sum(s.skipped for s in summaries),
    )


def release_duckdb() -> None:
    """Close the DuckDB instance dbt-duckdb keeps open in this process after a command, so the
    build database can be attached read-only by the publication step."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        if DuckDBConnectionManager._ENV is not None:
            DuckDBConnectionManager._ENV.close()
        DuckDBConnectionManager._ENV = None


def git_commit(project_dir: Path) -> str:
    """The project's git commit (with ``-dirty`` if the tree has changes), or ``unknown``."""
    try:
        head = subprocess.run(
            ["git", "-C", str(project_dir), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(project_dir), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}-dirty" if dirty else head


def previous_log(warehouse: Path) -> list[tuple]:
    """The publication log rows of the current publication ([] if there is none)."""
    if not warehouse.exists():
        return []
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute(f"select * from {LOG_TABLE} order by published_at").fetchall()
    except duckdb.Error:
        return []


def write_publication(
    build_db: Path,
    target: Path,
    *,
    build_id: str,
    commit: str,
    summary: BuildSummary,
    history: Sequence[tuple],
) -> dict[str, int]:
    """Write a complete publication into the new file ``target``: the published schemas'
    tables copied from ``build_db``, the log (``history`` plus this build) and the mart row
    counts. The as_of_date is the one the build ran with: the last day of its time spine,
    marts.dim_dates, which ends at var('as_of_date'). Returns {mart: rows}."""
    rows: dict[str, int] = {}
    with duckdb.connect(str(target)) as con:
        con.execute(f"attach '{build_db}' as build_db (read_only)")
        ((as_of_date,),) = con.execute(
            "select max(date_day) from build_db.marts.dim_dates"
        ).fetchall()
        for schema in PUBLISHED_SCHEMAS:
            con.execute(f"create schema {schema}")
            tables = con.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = 'build_db' and table_schema = ? order by table_name",
                [schema],
            ).fetchall()
            for (table,) in tables:
                con.execute(
                    f'create table {schema}."{table}" as select * from build_db.{schema}."{table}"'
                )
                rows[f"{schema}.{table}"] = con.execute(
                    f'select count(*) from {schema}."{table}"'
                ).fetchall()[0][0]
        con.execute("detach build_db")
        con.execute(
            f"""
            create table {LOG_TABLE} (
                build_id varchar not null,
                as_of_date date not null,
                git_commit varchar not null,
                published_at timestamp not null,
                models integer not null,
                tests integer not null,
                seeds integer not null,
                marts integer not null
            )
            """
        )
        this_build = (
            build_id,
            as_of_date,
            commit,
            datetime.now(UTC).replace(tzinfo=None),
            summary.models,
            summary.tests,
            summary.seeds,
            len(rows),
        )
        con.executemany(
            f"insert into {LOG_TABLE} values (?, ?, ?, ?, ?, ?, ?, ?)", [*history, this_build]
        )
        con.execute(
            f"create table {MARTS_TABLE} (build_id varchar not null, "
            "mart varchar not null, row_count bigint not null)"
        )
        con.executemany(
            f"insert into {MARTS_TABLE} values (?, ?, ?)",
            [(build_id, mart, count) for mart, count in sorted(rows.items())],
        )
        con.execute("checkpoint")
    return rows


def publish(build_db: Path, warehouse: Path, **publication: object) -> dict[str, int]:
    """Write the publication beside ``warehouse`` and rename it over it. A leftover of an
    interrupted publication is never renamed: each build writes its own temporary file."""
    build_id = str(publication["build_id"])
    for leftover in warehouse.parent.glob(f".{warehouse.name}.*.tmp*"):
        leftover.unlink()  # a publication interrupted before its rename (the lock is held)
    temporary = warehouse.with_name(f".{warehouse.name}.{build_id}.tmp")
    try:
        rows = write_publication(
            build_db, temporary, history=previous_log(warehouse), **publication
        )  # type: ignore[arg-type]
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        # A write-ahead log beside the BI file would be replayed into the new publication.
        warehouse.with_name(warehouse.name + ".wal").unlink(missing_ok=True)
        os.replace(temporary, warehouse)
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(temporary.name + ".wal").unlink(missing_ok=True)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build and test into a private database; publish the marts to the BI "
        "file only if every node passed.",
        epilog="Arguments after -- are passed to dbt seed and dbt build (e.g. -- --vars ...).",
    )
    parser.add_argument("--project-dir", type=Path, default=Path.cwd())
    parser.add_argument(
        "--warehouse", type=Path, help="the BI file (default: <project>/warehouse.duckdb)"
    )
    parser.add_argument(
        "--build-db",
        type=Path,
        help="the private build database (default: <project>/target/build/warehouse.duckdb)",
    )
    parser.add_argument("dbt_args", nargs="*")
    args = parser.parse_args(argv)
    project_dir = args.project_dir.resolve()
    warehouse = (args.warehouse or project_dir / "warehouse.duckdb").resolve()
    build_db = (args.build_db or project_dir / "target" / "build" / "warehouse.duckdb").resolve()
    os.environ.setdefault("DBT_PROJECT_DIR", str(project_dir))
    os.environ.setdefault("DBT_PROFILES_DIR", str(project_dir))

    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8]
    try:
        with build_lock(build_db.parent):
            print(f"build {build_id}: building and testing in {build_db}", flush=True)
            summary = run_build(build_db, args.dbt_args)
            if not summary.passed:
                print(
                    f"build {build_id} FAILED; nothing was published, {warehouse} is "
                    f"unchanged. {len(summary.failures)} node(s) failed, {summary.skipped} "
                    "skipped because of them:",
                    file=sys.stderr,
                )
                for failure in summary.failures:
                    print(f"  - {failure}", file=sys.stderr)
                return 1
            publish_started = time.monotonic()
            rows = publish(
                build_db,
                warehouse,
                build_id=build_id,
                commit=git_commit(project_dir),
                summary=summary,
            )
            publish_seconds = time.monotonic() - publish_started
    except BuildLocked as error:
        print(f"build {build_id} not started: {error}", file=sys.stderr)
        return 3
    print(
        f"build {build_id} passed ({summary.models} models, {summary.tests} tests, "
        f"{summary.seeds} seeds): published {len(rows)} marts to {warehouse} "
        f"in {publish_seconds:.1f} s ({warehouse.stat().st_size / 1e6:.1f} MB; build database "
        f"{build_db.stat().st_size / 1e6:.1f} MB)",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
