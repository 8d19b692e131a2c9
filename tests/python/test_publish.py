"""Write-audit-publish (python/cs_analytics/publish.py): BI reads only what passed.

The integration tests run the publisher as `make build` does (a separate process, so it can be
killed or run twice at once) against a temporary BI file and build database, while a reader
process queries the BI file in a loop."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from cs_analytics import publish
from cs_analytics.contract import all_tables
from tests.python.helpers import finish, publisher

READER = r"""
import json, sys, time
from pathlib import Path
import duckdb

warehouse, stop, out = sys.argv[1:4]
queries = errors = incomplete = 0
seen = []
messages = []
while not Path(stop).exists():
    try:
        with duckdb.connect(warehouse, read_only=True) as con:
            (build_id,) = con.execute(
                "select build_id from main.publication_log order by published_at desc limit 1"
            ).fetchall()[0]
            expected = con.execute(
                "select mart, row_count from main.publication_marts where build_id = ?",
                [build_id],
            ).fetchall()
            for mart, row_count in expected:
                (count,) = con.execute(f"select count(*) from {mart}").fetchall()[0]
                if count != row_count:
                    incomplete += 1
            if len(expected) == 0:
                incomplete += 1
        queries += 1
        if not seen or seen[-1] != build_id:
            seen.append(build_id)
    except Exception as error:  # every failure to read counts
        errors += 1
        messages.append(str(error)[:200])
    time.sleep(0.05)
Path(out).write_text(json.dumps(
    {"queries": queries, "errors": errors, "incomplete": incomplete, "seen": seen,
     "messages": messages[:5]}
))
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def latest_build(warehouse: Path) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select build_id from main.publication_log order by published_at desc limit 1"
        ).fetchall()[0][0]


def wait_for_line(process: subprocess.Popen, text: str, timeout: float = 120) -> str:
    """Read the process's stdout until a line containing ``text`` (the line)."""
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if text in line:
            return line
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"the publisher never printed {text!r}")


def test_the_publication_holds_the_marts_and_a_log_and_no_personal_data(published: Path):
    warehouse = published / "warehouse.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        schemas = con.execute(
            "select distinct table_schema from information_schema.tables order by 1"
        ).fetchall()
        log = con.execute(
            "select as_of_date, git_commit, models, tests, seeds, marts from main.publication_log"
        ).fetchall()
        text_columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where table_schema = 'marts' and data_type = 'VARCHAR'"
        ).fetchall()
        with_at_sign = [
            f"{schema}.{table}.{column}"
            for schema, table, column in text_columns
            if con.execute(
                f'select count(*) from {schema}."{table}" where "{column}" like \'%@%\''
            ).fetchall()[0][0]
        ]
        columns = {name for (_, _, name) in text_columns}
        marts = con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    assert schemas == [("main",), ("marts",)]
    (as_of_date, commit, models, tests, seeds, mart_count) = log[0]
    assert len(log) == 1 and str(as_of_date) == "2026-10-31" and len(commit) >= 40
    with duckdb.connect(str(published / "build" / "warehouse.duckdb"), read_only=True) as con:
        built_marts = con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    assert models > 100 and tests > 500 and seeds == len(all_tables())
    assert mart_count == len(marts) == len(built_marts) and sorted(marts) == sorted(built_marts)
    assert with_at_sign == []
    assert not columns & {"email", "contact_name", "first_name", "last_name", "full_name"}
    # The BI file is a fraction of the build database (no raw, staging, intermediate).
    assert warehouse.stat().st_size < (published / "build" / "warehouse.duckdb").stat().st_size


def test_a_reader_loop_through_a_build_never_errors_and_a_second_build_cannot_start(
    published: Path,
):
    warehouse = published / "warehouse.duckdb"
    before = latest_build(warehouse)
    stop, out = published / "stop", published / "reader.json"
    stop.unlink(missing_ok=True)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse), str(stop), str(out)])
    held = duckdb.connect(str(warehouse), read_only=True)  # connected before the publication
    try:
        build = publisher(published)
        wait_for_line(build, "building and testing")
        second_code, _, second_err = finish(publisher(published), timeout=120)
        code, stdout, stderr = finish(build)
        time.sleep(1)  # the reader sees the new publication
        stop.touch()
        reader.wait(timeout=60)
        still_held = held.execute(
            "select build_id from main.publication_log order by published_at desc limit 1"
        ).fetchall()[0][0]
    finally:
        held.close()
        stop.touch()
    after = latest_build(warehouse)
    loop = json.loads(out.read_text())
    print(f"reader loop: {loop}")
    assert code == 0, stdout + stderr
    assert second_code == 3 and "another build is running" in second_err
    assert after != before and still_held == before
    assert loop["errors"] == 0 and loop["incomplete"] == 0, loop
    assert loop["queries"] > 100 and loop["seen"] == [before, after], loop
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert [
            b
            for (b,) in con.execute(
                "select build_id from main.publication_log order by published_at"
            ).fetchall()
        ] == [
            before,
            after,
        ]


def test_a_build_with_a_failing_test_leaves_the_publication_byte_identical(published: Path):
    warehouse = published / "warehouse.duckdb"
    before = digest(warehouse)
    # An accuracy target above what the demo data reaches (its lowest accuracy ratio is 0.991)
    # makes dq_checks_pass fail after every mart was rebuilt in the build database.
    code, out, err = finish(publisher(published, "--vars", "{dq_accuracy_target: 0.999}"))
    assert code == 1, out + err
    assert "FAILED; nothing was published" in err and "dq_checks_pass" in err, err
    assert digest(warehouse) == before


def test_a_killed_build_leaves_the_publication_byte_identical(published: Path):
    warehouse = published / "warehouse.duckdb"
    before = digest(warehouse)
    build = publisher(published)
    wait_for_line(build, "building and testing")
    time.sleep(20)  # well into `dbt build`
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL
    assert digest(warehouse) == before
    with publish.build_lock(published / "build"):  # the dead build's lock is released
        pass


def test_an_interrupted_publication_leaves_the_previous_one(tmp_path: Path, monkeypatch):
    build_db, warehouse = tmp_path / "build.duckdb", tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(build_db)) as con:
        con.execute("create schema marts")
        con.execute("create table marts.fct_x as select 1 as x")
        con.execute("create table marts.dim_dates as select date '2026-10-31' as date_day")
    summary = publish.BuildSummary(models=1, tests=0, seeds=0, other=0, failures=())
    common = {"commit": "abc", "summary": summary}
    publish.publish(build_db, warehouse, build_id="b1", **common)
    before = digest(warehouse)

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(publish.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        publish.publish(build_db, warehouse, build_id="b2", **common)
    assert digest(warehouse) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build.duckdb", "warehouse.duckdb"]
    monkeypatch.undo()
    publish.publish(build_db, warehouse, build_id="b3", **common)
    assert [
        b
        for (b,) in duckdb.connect(str(warehouse))
        .execute("select build_id from main.publication_log order by published_at")
        .fetchall()
    ] == ["b1", "b3"]


def test_summarize_counts_failures_and_skips():
    class Node:
        def __init__(self, kind: str, name: str):
            self.resource_type, self.name = kind, name

    class Result:
        def __init__(self, kind: str, name: str, status: str, message: str = ""):
            self.node, self.status, self.message = Node(kind, name), status, message

    summary = publish.summarize(
        [
            Result("model", "a", "success"),
            Result("test", "t1", "pass"),
            Result("test", "t2", "fail", "Got 3 results, configured to fail if != 0"),
            Result("model", "b", "skipped"),
            Result("exposure", "e", "no-op"),
        ]
    )
    assert (summary.models, summary.tests, summary.other, summary.skipped) == (2, 2, 1, 1)
    assert summary.failures == ("test t2 fail: Got 3 results, configured to fail if != 0",)
    assert not summary.passed
