"""Integration: build the whole project through dbtRunner on temporary DuckDB files."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import duckdb
import pytest
import yaml
from dbt.cli.main import dbtRunnerResult

from cs_analytics.contract import CONTRACT, all_tables
from cs_analytics.mart_hashes import schema_hashes

from .conftest import PROJECT_DIR
from .helpers import failed_nodes, fetch, raw_staged_rejected, run_dbt, table_names, usable_model

# The usable rows of each raw table (what the marts' side reads).
USABLE = {
    table: usable_model(system, table) for system, tables in CONTRACT.items() for table in tables
}


def invoke_dbt(db_path: Path, *args: str) -> dbtRunnerResult:
    """Run one dbt command against ``db_path`` and return dbt's result, success or not."""
    return run_dbt(
        db_path,
        [*args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR),
         "--target", "ci", "--target-path", str(db_path.parent / "target"), "--quiet"],
    )  # fmt: skip


def dbt(db_path: Path, *args: str) -> None:
    """Run one dbt command against ``db_path``; fail the test with dbt's error otherwise."""
    result = invoke_dbt(db_path, *args)
    assert result.success, (
        f"dbt {' '.join(args)} failed: {result.exception or failed_nodes(result)}"
    )


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo warehouse, built once per session: seeds, then every model and test."""
    db_path = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    dbt(db_path, "seed")
    dbt(db_path, "build", "--exclude", "resource_type:seed")
    yield db_path


def test_every_raw_table_has_a_staging_model(warehouse: Path) -> None:
    relations = table_names(warehouse, "staging")
    staging = {
        table: f"stg_{system}__{table.removeprefix(system + '_')}"
        for system, tables in CONTRACT.items()
        for table in tables
    }
    missing = {table for table, model in staging.items() if model not in relations}
    assert missing == set()


def test_raw_rows_equal_staged_plus_rejected(warehouse: Path) -> None:
    for table in USABLE:
        raw, staged, rejected = raw_staged_rejected(warehouse, table)
        assert raw == staged + rejected, (table, raw, staged, rejected)
        assert staged > 0, table


def test_known_defects_are_quarantined_with_their_reason(warehouse: Path) -> None:
    reasons = dict(
        fetch(
            warehouse,
            "select source_table || ':' || rejection_reason, count(*) "
            "from intermediate.int_product_rows_rejected group by 1",
        )
        + fetch(
            warehouse,
            "select source_table || ':' || rejection_reason, count(*) "
            "from intermediate.int_billing_rows_rejected group by 1",
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
            (select count(*) from intermediate.int_contacts_validated where email <> lower(email)),
            (select count(*) from intermediate.int_users_validated where email <> lower(email)),
            (select count(*) from intermediate.int_invoices_validated
                where currency <> upper(currency)),
            (select count(*) from intermediate.int_contacts_validated
                where email not like '%_@_%._%')
        """,
    )[0]
    assert bad == (0, 0, 0, 0)


# Incremental int_events_validated. Each test copies a seeded warehouse, loads the raw events in
# two batches (batch 1 by full refresh, then an incremental run) and compares with a rebuild.

# What the tests of int_events_validated read: the model, the rejected rows it reconciles with,
# and the parents of its relationships tests. EVENT_TESTS runs every test on these models (not
# the project-wide ones, such as the accuracy test over all staging models).
EVENT_MODELS = (
    "+int_events_validated",
    "+int_product_rows_rejected",
    "+int_users_validated",
    "+int_accounts_validated",
)
EVENT_TESTS = ("test", "--select", *EVENT_MODELS, "--indirect-selection", "cautious")

# Every raw delivery with its place among the deliveries of its event id (ids as the base model
# cleans them; deliveries without an id or a received_at are never held back).
DELIVERIES_SQL = """
    deliveries as (
        select
            row_no,
            trim(event_id) as event_id,
            occurred_at,
            received_at,
            count(*) over (partition by trim(event_id)) as delivery_count,
            row_number() over (
                partition by trim(event_id) order by received_at, row_no
            ) as delivery_no,
            lead(received_at) over (
                partition by trim(event_id) order by received_at, row_no
            ) as next_received_at,
            max(received_at) over (partition by trim(event_id)) as last_received_at
        from scenario.all_deliveries
        where nullif(trim(event_id), '') is not null and received_at is not null
    )
"""

# The cut-off T between the batches, about 30 days before the newest delivery: the midnight
# after the latest duplicated event (first copy received at least 30 days before the newest
# delivery) whose copies were all received on one day. So [T - 2 days, T) holds at least one
# first copy whose later copies all fall in batch 1.
CUTOFF_SQL = f"""
    with {DELIVERIES_SQL}
    select date_trunc('day', max(received_at)) + interval 1 day
    from deliveries
    where
        delivery_no = 1
        and delivery_count > 1
        and next_received_at > received_at
        and last_received_at < date_trunc('day', received_at) + interval 1 day
        and received_at <= (select max(received_at) - interval 30 day from deliveries)
"""

# Deliveries received before T but landing in the raw table only with batch 2:
# - duplicate_first_copy: the first copy of a duplicated event, received in [T - 2 days, T),
#   whose later copies are in batch 1 (so batch 1 stages a later copy);
# - late_event: a single delivery received in [T - 2 days, T) more than an hour after it
#   occurred;
# - before_window (only when asked): a single delivery received in [T - 10 days, T - 9 days),
#   long before the look-back window of the incremental run.
HELD_BACK_SQL = f"""
    with {DELIVERIES_SQL}
    select
        row_no,
        event_id,
        received_at,
        case
            when delivery_count > 1 then 'duplicate_first_copy'
            when received_at >= $cutoff - interval 2 day then 'late_event'
            else 'before_window'
        end as kind
    from deliveries
    where
        (
            received_at >= $cutoff - interval 2 day
            and received_at < $cutoff
            and (
                (
                    delivery_count > 1
                    and delivery_no = 1
                    and next_received_at > received_at
                    and last_received_at < $cutoff
                )
                or (delivery_count = 1 and received_at > occurred_at + interval 1 hour)
            )
        )
        or (
            $before_window
            and delivery_count = 1
            and received_at >= $cutoff - interval 10 day
            and received_at < $cutoff - interval 9 day
        )
"""


def event_lookback_days() -> int:
    """The project's default look-back of the incremental events (dbt_project.yml vars)."""
    with (PROJECT_DIR / "dbt_project.yml").open() as project:
        return int(yaml.safe_load(project)["vars"]["event_lookback_days"])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding only the seeds; tests copy it (same file name) instead of reseeding."""
    db_path = tmp_path_factory.mktemp("seeded") / "events.duckdb"
    dbt(db_path, "seed")
    with duckdb.connect(str(db_path)) as con:
        con.execute("checkpoint")
    return db_path


def load_first_batch(seeded: Path, tmp_path: Path, *, before_window: bool = False) -> Path:
    """Copy the seeded warehouse; build the events from batch 1 (received before the cut-off T,
    less the held-back deliveries) by full refresh; then land the held-back deliveries and the
    rest in the raw table, ready for an incremental run. Leaves in schema ``scenario``:
    ``all_deliveries`` (the raw events with a row_no), ``held_back`` (row_no, event_id,
    received_at, kind), ``batch_1`` (its row_nos) and ``first_batch`` (the model after it)."""
    db_path = tmp_path / seeded.name
    shutil.copyfile(seeded, db_path)
    with duckdb.connect(str(db_path)) as con:
        con.execute("create schema scenario")
        con.execute("create table scenario.all_deliveries as "
                    "select row_number() over () as row_no, * from raw.product_events")  # fmt: skip
        cutoff = con.execute(CUTOFF_SQL).fetchone()[0]
        assert cutoff is not None, "the data has no duplicated event to hold back"
        params = {"cutoff": cutoff, "before_window": before_window}
        con.execute(f"create table scenario.held_back as {HELD_BACK_SQL}", params)
        con.execute(
            "create table scenario.batch_1 as select row_no from scenario.all_deliveries "
            "where received_at < $cutoff and row_no not in (select row_no from scenario.held_back)",
            {"cutoff": cutoff},
        )
        con.execute("delete from raw.product_events")
        con.execute(
            "insert into raw.product_events select * exclude (row_no) "
            "from scenario.all_deliveries semi join scenario.batch_1 using (row_no)"
        )
        batch_1 = con.execute("select count(*) from raw.product_events").fetchone()[0]
        kinds = dict(con.execute("select kind, count(*) from scenario.held_back group by kind")
                     .fetchall())  # fmt: skip
    assert kinds.get("duplicate_first_copy", 0) > 0, kinds
    assert kinds.get("late_event", 0) > 0, kinds
    assert (kinds.get("before_window", 0) > 0) == before_window, kinds

    dbt(db_path, "run", "--select", *EVENT_MODELS, "--full-refresh")
    with duckdb.connect(str(db_path)) as con:
        con.execute("create table scenario.first_batch as "
                    "select * from intermediate.int_events_validated")  # fmt: skip
        staged, watermark = con.execute(
            "select count(*), max(received_at) from scenario.first_batch"
        ).fetchone()
        # The held-back deliveries in [T - 2 days, T) are inside the look-back window of the
        # next run; the before_window ones are far outside it.
        earliest_recent, latest_old = con.execute(
            "select min(received_at at time zone 'UTC') filter (where kind <> 'before_window'), "
            "max(received_at at time zone 'UTC') filter (where kind = 'before_window') "
            "from scenario.held_back"
        ).fetchone()
        con.execute(
            "insert into raw.product_events select * exclude (row_no) "
            "from scenario.all_deliveries anti join scenario.batch_1 using (row_no)"
        )
        total = con.execute("select count(*) from raw.product_events").fetchone()[0]
    lookback = timedelta(days=event_lookback_days())
    assert 0 < staged <= batch_1 < total
    assert earliest_recent >= watermark - lookback, (earliest_recent, watermark, lookback)
    assert latest_old is None or latest_old < watermark - lookback, (latest_old, watermark)
    return db_path


def compare_with_full_refresh(db_path: Path) -> tuple[int, int, int, int]:
    """Save the model as ``scenario.incremental`` and rebuild it by full refresh. Returns the
    row counts (incremental, full refresh) and the rows found only in one of them (``except
    all`` both ways)."""
    with duckdb.connect(str(db_path)) as con:
        con.execute("create table scenario.incremental as "
                    "select * from intermediate.int_events_validated")  # fmt: skip
    dbt(db_path, "run", "--select", "int_events_validated", "--full-refresh")
    return fetch(
        db_path,
        """
        select
            (select count(*) from scenario.incremental),
            (select count(*) from intermediate.int_events_validated),
            (select count(*) from (select * from scenario.incremental
                except all select * from intermediate.int_events_validated)),
            (select count(*) from (select * from intermediate.int_events_validated
                except all select * from scenario.incremental))
        """,
    )[0]


def test_incremental_events_equal_full_refresh(seeded: Path, tmp_path: Path) -> None:
    """Late deliveries inside the look-back window, among them first copies of events whose
    later copy batch 1 staged: the incremental run gives exactly the full-refresh table."""
    db_path = load_first_batch(seeded, tmp_path)
    dbt(db_path, "run", "--select", "int_events_validated")
    dbt(db_path, *EVENT_TESTS)
    # Every usable held-back delivery is staged: the first copies replaced the later copies
    # batch 1 had staged.
    usable, staged, replaced = fetch(
        db_path,
        """
        with usable as (
            select held_back.event_id, held_back.received_at, held_back.kind
            from scenario.held_back as held_back
            inner join staging.stg_product__events as base
                on held_back.event_id = base.event_id
                and held_back.received_at = base.received_at
            where
                base.delivery_rejection_reason is null
                and base.account_id in (select account_id from staging.stg_crm__accounts)
        )
        select
            count(*),
            count(events.event_id),
            count(*) filter (
                where usable.kind = 'duplicate_first_copy'
                and first_batch.received_at > usable.received_at
            )
        from usable
        left join intermediate.int_events_validated as events
            on usable.event_id = events.event_id
            and usable.received_at = events.received_at
        left join scenario.first_batch as first_batch
            on usable.event_id = first_batch.event_id
        """,
    )[0]
    assert usable > 0
    assert staged == usable
    assert replaced > 0, "no held-back first copy replaced a later copy staged by batch 1"
    incremental, full, only_incremental, only_full = compare_with_full_refresh(db_path)
    assert incremental == full
    assert (only_incremental, only_full) == (0, 0)


def test_incremental_events_older_than_lookback_fail_reconciliation(
    seeded: Path, tmp_path: Path
) -> None:
    """A delivery received long before the look-back window but landing late is not loaded by
    an incremental run: row_count_reconciles fails (nothing is lost silently), and a full
    refresh repairs the model."""
    db_path = load_first_batch(seeded, tmp_path, before_window=True)
    dbt(db_path, "run", "--select", "int_events_validated")
    result = invoke_dbt(db_path, *EVENT_TESTS)
    failed = failed_nodes(result)
    assert not result.success
    assert failed, result.exception
    assert all(name.startswith("row_count_reconciles_int_events_validated") for name in failed), (
        failed
    )
    incremental, full, only_incremental, only_full = compare_with_full_refresh(db_path)
    dbt(db_path, *EVENT_TESTS)
    # Exactly the usable before-window deliveries are missing from the incremental table.
    missing, expected, unexpected = fetch(
        db_path,
        """
        with missing as (
            select event_id from intermediate.int_events_validated
            except
            select event_id from scenario.incremental
        ),
        expected as (
            select events.event_id
            from intermediate.int_events_validated as events
            inner join scenario.held_back as held_back
                on events.event_id = held_back.event_id
            where held_back.kind = 'before_window'
        )
        select
            (select count(*) from missing),
            (select count(*) from expected),
            (select count(*) from (select * from missing except select * from expected))
        """,
    )[0]
    assert only_incremental == 0
    assert expected > 0
    assert (missing, unexpected) == (expected, 0)
    assert full - incremental == only_full == expected


def test_incremental_events_need_the_lookback(seeded: Path, tmp_path: Path) -> None:
    """Without the look-back (event_lookback_days = 0) the same incremental run misses held-back
    deliveries: the look-back is what makes the first test pass."""
    db_path = load_first_batch(seeded, tmp_path)
    dbt(db_path, "run", "--select", "int_events_validated", "--vars", "{event_lookback_days: 0}")
    only_full = compare_with_full_refresh(db_path)[3]
    assert only_full > 0
    # The differences are all held-back events.
    outside = fetch(
        db_path,
        """
        select count(*) from (
            (select * from intermediate.int_events_validated
             except all select * from scenario.incremental)
            union all
            (select * from scenario.incremental
             except all select * from intermediate.int_events_validated)
        ) as differences
        where event_id not in (select held_back.event_id from scenario.held_back as held_back)
        """,
    )[0][0]
    assert outside == 0


def test_incremental_events_reload_an_empty_table(seeded: Path, tmp_path: Path) -> None:
    """An existing but empty model has no watermark: the incremental run loads everything."""
    db_path = tmp_path / seeded.name
    shutil.copyfile(seeded, db_path)
    dbt(db_path, "run", "--select", *EVENT_MODELS)
    with duckdb.connect(str(db_path)) as con:
        con.execute("create schema scenario")
        con.execute("delete from intermediate.int_events_validated")
    dbt(db_path, "run", "--select", "int_events_validated")
    incremental, full, only_incremental, only_full = compare_with_full_refresh(db_path)
    assert incremental == full > 0
    assert (only_incremental, only_full) == (0, 0)


USAGE_MODELS = ("int_account_days_usage", "int_user_days_activity")


def test_incremental_events_take_a_correction(seeded: Path, tmp_path: Path) -> None:
    """A delivery correcting an event already loaded (another payload, received after every
    other delivery) replaces it in an incremental run, as in a full refresh: deliveries that
    differ are settled by received_at, the latest wins. E00001-0000004 is a session start the
    demo delivers twice, identically (0 seconds)."""
    db_path = tmp_path / seeded.name
    shutil.copyfile(seeded, db_path)
    dbt(db_path, "run", "--select", *EVENT_MODELS, "--full-refresh")
    with duckdb.connect(str(db_path)) as con:
        con.execute("create schema scenario")
        con.execute(
            "insert into raw.product_events select * replace (60 as duration_seconds, "
            "(select max(received_at) from raw.product_events) + interval 1 hour as received_at) "
            "from raw.product_events where event_id = 'E00001-0000004' order by received_at limit 1"
        )
    dbt(db_path, "run", "--select", "int_events_validated")
    dbt(db_path, *EVENT_TESTS)
    kept = fetch(
        db_path,
        "select duration_seconds, received_at = (select max(received_at at time zone 'UTC') "
        "from raw.product_events) from intermediate.int_events_validated "
        "where event_id = 'E00001-0000004'",
    )
    assert kept == [(60, True)]
    assert compare_with_full_refresh(db_path)[2:] == (0, 0)


def test_incremental_usage_equals_full_refresh(seeded: Path, tmp_path: Path) -> None:
    """The account-day and user-day usage models, built on batch 1 and then run incrementally
    after the late deliveries, equal a full refresh; and the late events changed days that
    batch 1 had already aggregated (so the incremental run really corrected them)."""
    db_path = load_first_batch(seeded, tmp_path)
    dbt(db_path, "run", "--select", *USAGE_MODELS, "--full-refresh")
    with duckdb.connect(str(db_path)) as con:
        for model in USAGE_MODELS:
            con.execute(f"create table scenario.{model}_batch_1 as "
                        f"select * from intermediate.{model}")  # fmt: skip
    dbt(db_path, "run", "--select", "int_events_validated", *USAGE_MODELS)
    with duckdb.connect(str(db_path)) as con:
        for model in USAGE_MODELS:
            con.execute(f"create table scenario.{model}_incremental as "
                        f"select * from intermediate.{model}")  # fmt: skip
    dbt(db_path, "run", "--select", *USAGE_MODELS, "--full-refresh")
    for model in USAGE_MODELS:
        incremental, full, only_incremental, only_full = fetch(
            db_path,
            f"""
            select
                (select count(*) from scenario.{model}_incremental),
                (select count(*) from intermediate.{model}),
                (select count(*) from (select * from scenario.{model}_incremental
                    except all select * from intermediate.{model})),
                (select count(*) from (select * from intermediate.{model}
                    except all select * from scenario.{model}_incremental))
            """,
        )[0]
        assert incremental == full > 0, model
        assert (only_incremental, only_full) == (0, 0), model
    # Days present in batch 1 whose aggregates the late events changed.
    corrected = fetch(
        db_path,
        """
        select count(*)
        from scenario.int_account_days_usage_batch_1 as batch_1
        inner join intermediate.int_account_days_usage as full_refresh
            on batch_1.account_id = full_refresh.account_id
            and batch_1.activity_date = full_refresh.activity_date
        where batch_1.event_count <> full_refresh.event_count
        """,
    )[0][0]
    assert corrected > 0, "no late event landed on a day batch 1 had aggregated"


def test_contract_tables_are_all_seeded(warehouse: Path) -> None:
    assert set(all_tables()) <= table_names(warehouse, "raw")


# -- project conventions (STYLE.md), read from the manifest of the session build -------------


def manifest(warehouse: Path) -> dict:
    return json.loads((warehouse.parent / "target" / "manifest.json").read_text())


def models(man: dict) -> dict[str, dict]:
    return {
        node["name"]: node
        for node in man["nodes"].values()
        if node["resource_type"] == "model" and node["package_name"] == "cs_analytics"
    }


def attached_tests(man: dict) -> dict[str, set[tuple[str, str | None]]]:
    """Model name -> {(generic test name, column)} of the tests attached to it."""
    by_model: dict[str, set[tuple[str, str | None]]] = {}
    for node in man["nodes"].values():
        if node["resource_type"] != "test" or not node.get("test_metadata"):
            continue
        attached = node.get("attached_node") or ""
        if attached.startswith("model."):
            name = attached.split(".")[-1]
            by_model.setdefault(name, set()).add(
                (node["test_metadata"]["name"], node.get("column_name"))
            )
    return by_model


def test_every_model_and_column_is_documented(warehouse: Path) -> None:
    """Every model has a description, and every column it builds is documented in its YAML."""
    built = fetch(
        warehouse,
        "select table_name, column_name from information_schema.columns "
        "where table_schema in ('staging', 'intermediate', 'marts')",
    )
    problems = []
    for name, node in models(manifest(warehouse)).items():
        if not node["description"].strip():
            problems.append(f"{name}: no description")
        documented = {
            column for column, spec in node["columns"].items() if spec["description"].strip()
        }
        actual = {column for table, column in built if table == node["alias"]}
        assert actual, f"{name} was not built"
        problems += [f"{name}.{column}: undocumented" for column in sorted(actual - documented)]
    assert problems == []


def test_sources_are_documented_with_freshness(warehouse: Path) -> None:
    """Every source table and contract column is described; time-stamped tables have freshness."""
    problems = []
    for source in manifest(warehouse)["sources"].values():
        name = f"{source['source_name']}.{source['name']}"
        if not source["description"].strip():
            problems.append(f"{name}: no description")
        contract_columns = set(all_tables()[source["name"]])
        documented = {c for c, spec in source["columns"].items() if spec["description"].strip()}
        problems += [f"{name}.{c}: undocumented" for c in sorted(contract_columns - documented)]
        # Freshness needs a time column: price books and targets have none.
        has_time = any(t in ("timestamptz", "date") for t in all_tables()[source["name"]].values())
        freshness = source.get("freshness") or {}
        if has_time and not (freshness.get("error_after") or {}).get("count"):
            problems.append(f"{name}: no freshness")
    assert problems == []


def test_every_model_has_a_tested_primary_key(warehouse: Path) -> None:
    """Every model: a key tested unique and not null, or a unique combination of columns (on
    staging models, among the usable rows; on rejected-rows models, with duplicate_rank)."""
    man = manifest(warehouse)
    tests = attached_tests(man)
    missing = []
    for name in models(man):
        attached = tests.get(name, set())
        unique_columns = {column for test, column in attached if test == "unique"}
        not_null_columns = {column for test, column in attached if test == "not_null"}
        composite = any(test == "unique_combination_of_columns" for test, _ in attached)
        if not (unique_columns & not_null_columns) and not composite:
            missing.append(name)
    assert missing == []


def is_dq_measurement(node: dict) -> bool:
    """A data-quality measurement model (models/intermediate/data_quality, int_dq_*_measured):
    it measures the checks declared in it, on staging (raw tables) or usable-rows models."""
    return node["fqn"][1:3] == ["intermediate", "data_quality"] and node["name"].endswith(
        "_measured"
    )


def test_each_staging_model_reads_one_source_and_nothing_else(warehouse: Path) -> None:
    nodes = models(manifest(warehouse))
    readers = {
        name
        for name, node in nodes.items()
        if any(dep.startswith("source.") for dep in node["depends_on"]["nodes"])
    }
    staging = {name for name in nodes if name.startswith("stg_")}
    assert readers == staging, readers ^ staging
    assert len(staging) == len(all_tables())
    for name in staging:
        deps = nodes[name]["depends_on"]["nodes"]
        assert len(deps) == 1 and deps[0].startswith("source."), (name, deps)


LAYERS = ("staging", "intermediate", "marts")


def test_layers_run_one_way_and_models_stay_small(warehouse: Path) -> None:
    """staging -> intermediate -> marts: no model reads a later layer; every model sits in one
    of the three layers with its layer's prefix, has a group and an owner, and its SQL stays
    under 200 lines; marts are public with an enforced contract."""
    nodes = models(manifest(warehouse))
    problems = []
    for name, node in nodes.items():
        layer = node["fqn"][1]
        if layer not in LAYERS:
            problems.append(f"{name}: in no layer ({layer})")
            continue
        for dep in node["depends_on"]["nodes"]:
            if dep.startswith("model."):
                parent = nodes[dep.split(".")[-1]]["fqn"][1]
                if LAYERS.index(parent) > LAYERS.index(layer):
                    problems.append(f"{name} ({layer}) reads {dep} ({parent})")
        prefixes = {"staging": ("stg_",), "intermediate": ("int_",)}.get(
            layer, ("dim_", "fct_", "rpt_")
        )
        if not name.startswith(prefixes):
            problems.append(f"{name}: a {layer} model without the prefix {prefixes}")
        if not node["config"].get("group") or not node["config"]["meta"].get("owner"):
            problems.append(f"{name}: no group or owner")
        lines = node["raw_code"].count("\n") + 1
        if node["language"] == "sql" and lines > 200:
            problems.append(f"{name}: {lines} lines")
        if layer == "marts" and not (
            node["access"] == "public" and node["config"]["contract"]["enforced"]
        ):
            problems.append(f"{name}: a mart that is not public with an enforced contract")
    assert len(nodes) > 90
    assert problems == []


def test_data_quality_scorecard_has_every_measured_check(warehouse: Path) -> None:
    """SPEC section 8: each measurement model is asserted by dq_checks_pass, reads models only
    (at most 6 of them) and is read by the scorecard through the union models of its folder;
    the scorecard reports every measured check once with its counts and status; on the demo
    data every check of the five dimensions passes."""
    man = manifest(warehouse)
    nodes = models(man)
    measured = sorted(name for name, node in nodes.items() if is_dq_measurement(node))
    assert len(measured) == 12, measured
    tests = attached_tests(man)
    assert [name for name in measured if ("dq_checks_pass", None) not in tests[name]] == []
    for name in measured:
        deps = nodes[name]["depends_on"]["nodes"]
        assert 0 < len(deps) <= 6 and all(dep.startswith("model.") for dep in deps), (name, deps)
    unions = sorted(
        dep.split(".")[-1] for dep in nodes["rpt_data_quality_scorecard"]["depends_on"]["nodes"]
    )
    assert unions == ["int_dq_raw_checks_unioned", "int_dq_usable_checks_unioned"]
    read = sorted(
        dep.split(".")[-1] for union in unions for dep in nodes[union]["depends_on"]["nodes"]
    )
    assert read == measured
    columns = "check_id, dimension, numerator, denominator, status"
    rows = fetch(warehouse, f"select {columns} from marts.rpt_data_quality_scorecard")
    union = " union all ".join(f"select {columns} from intermediate.{name}" for name in measured)
    assert sorted(rows) == sorted(fetch(warehouse, union))
    assert len(rows) == len({row[0] for row in rows}) == 183
    assert {row[1] for row in rows} == {
        "accuracy", "completeness", "consistency", "freshness", "customer_matching"
    }  # fmt: skip
    assert {row[4] for row in rows} == {"pass"}


def test_every_usable_rows_model_reconciles_with_its_raw_table(warehouse: Path) -> None:
    man = manifest(warehouse)
    tests = attached_tests(man)
    usable = sorted(USABLE.values())
    assert set(usable) <= set(models(man))
    missing = [
        name for name in usable if ("row_count_reconciles", None) not in tests.get(name, set())
    ]
    assert missing == []


# Every raw fact dated after the observation date LEAK_DATE is changed or removed; the churn
# features of observations on or before it must not move. Late deliveries of events that
# occurred by then are kept (see DECISIONLOG: features are as of the occurrence).
LEAK_DATE = "2026-01-31"
LEAK_MUTATIONS = (
    "delete from raw.product_events where occurred_at >= date '{d}' + 1",
    "delete from raw.product_users where created_at >= date '{d}' + 1",
    "delete from raw.crm_support_tickets where created_at >= date '{d}' + 1",
    "update raw.crm_support_tickets set solved_at = solved_at + interval 10 day, "
    "csat_rating = 1 where solved_at >= date '{d}' + 1",
    "delete from raw.crm_nps_responses where submitted_at >= date '{d}' + 1",
    "delete from raw.crm_activities where occurred_at >= date '{d}' + 1",
    "update raw.crm_contacts set left_company_at = null where left_company_at >= date '{d}' + 1",
    "delete from raw.crm_contacts where created_at >= date '{d}' + 1",
    "update raw.crm_milestones set completed_at = null where completed_at >= date '{d}' + 1",
    "update raw.crm_interventions set closed_at = null, outcome = 'open' "
    "where closed_at >= date '{d}' + 1",
    "update raw.billing_subscriptions set ended_at = null, cancel_reason = null "
    "where ended_at >= date '{d}' + 1",
    "delete from raw.billing_subscriptions where started_at >= date '{d}' + 1",
    "delete from raw.billing_invoices where invoice_date > date '{d}'",
    "update raw.billing_invoices set paid_at = null, amount_paid = 0, status = 'open' "
    "where paid_at >= date '{d}' + 1",
)


def test_churn_features_do_not_see_the_future(
    seeded: Path, warehouse: Path, tmp_path: Path
) -> None:
    """No leakage: after changing every fact dated later than LEAK_DATE (ended subscriptions
    become open, later events, tickets, NPS, contacts, milestones, invoices and payments
    disappear or change), the features of every observation on or before LEAK_DATE are
    identical; observations after it do change (so the mutation bites)."""
    db_path = tmp_path / seeded.name
    shutil.copyfile(seeded, db_path)
    with duckdb.connect(str(db_path)) as con:
        for statement in LEAK_MUTATIONS:
            con.execute(statement.format(d=LEAK_DATE))
    dbt(db_path, "run", "--select", "+int_account_months_churn_features", "--full-refresh")
    with duckdb.connect(str(db_path)) as con:
        con.execute(f"attach '{warehouse}' as original (read_only)")
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'intermediate' "
                "and table_name = 'int_account_months_churn_features' "
                "and table_catalog = current_database() order by ordinal_position"
            ).fetchall()
            if name != "is_churned_90d"
        ]
        select = ", ".join(columns)
        table = "intermediate.int_account_months_churn_features"
        counts = {}
        for side, where in (("before", "<="), ("after", ">")):
            condition = f"observation_date {where} date '{LEAK_DATE}'"
            counts[side] = con.execute(
                f"""
                select
                    (select count(*) from {table} where {condition}),
                    (select count(*) from (
                        select {select} from {table} where {condition}
                        except all
                        select {select} from original.{table} where {condition})),
                    (select count(*) from (
                        select {select} from original.{table} where {condition}
                        except all
                        select {select} from {table} where {condition}))
                """
            ).fetchone()
        # dbt-duckdb keeps this database open in the process: detach, or the session's
        # warehouse stays attached here and later tests cannot open it.
        con.execute("detach original")
    rows, only_mutated, only_original = counts["before"]
    assert rows > 1000
    assert (only_mutated, only_original) == (0, 0), counts
    assert counts["after"][1] > 0, "the mutation changed no later observation"


def test_churn_scores_are_deterministic(warehouse: Path) -> None:
    """Two builds of the churn Python models (and the marts publishing them) give identical
    scores, drivers and evaluation."""
    tables = ("marts.fct_churn_risk_scores", "marts.rpt_churn_model_evaluation")
    first = {table: fetch(warehouse, f"select * from {table} order by 1") for table in tables}
    dbt(
        warehouse,
        "run",
        "--select",
        "int_accounts_churn_scored",
        "int_churn_models_evaluated",
        "fct_churn_risk_scores",
        "rpt_churn_model_evaluation",
    )
    second = {table: fetch(warehouse, f"select * from {table} order by 1") for table in tables}
    assert all(first[table] for table in tables)
    assert first == second


def test_churn_model_beats_nothing_and_reports_both_scorers(warehouse: Path) -> None:
    """The evaluation mart has a summary row for the model and the health score on the same
    test set, with an AUC above chance for both and 10 calibration deciles each."""
    rows = fetch(
        warehouse,
        """
        select scorer, n, roc_auc, test_rows, train_last_date < cutoff_date,
            test_first_date >= cutoff_date,
            (select count(*) from marts.rpt_churn_model_evaluation as c
             where c.scorer = e.scorer and c.row_type = 'calibration')
        from marts.rpt_churn_model_evaluation as e
        where row_type = 'summary'
        order by scorer
        """,
    )
    assert [row[0] for row in rows] == ["churn_model", "health_score"]
    assert rows[0][1] == rows[1][1] == rows[0][3] > 0
    for _, _, auc, _, train_before, test_after, deciles in rows:
        assert auc > 0.6
        assert train_before and test_after
        assert deciles == 10


def mart_hashes(db_path: Path) -> dict[str, dict[str, object]]:
    """Row count, columns and order-independent content hash of every relation in marts."""
    return schema_hashes(str(db_path), "marts")


EXPECTED_MART_HASHES = Path(__file__).with_name("expected_mart_hashes.json")


def test_marts_equal_the_recorded_content_hashes(warehouse: Path) -> None:
    """Refactor guard: every mart of the demo build holds exactly the rows recorded in
    expected_mart_hashes.json. A change that means to alter a mart's content updates the file
    (python -m cs_analytics.mart_hashes warehouse.duckdb) and says which marts and rows changed."""
    expected = json.loads(EXPECTED_MART_HASHES.read_text())
    actual = mart_hashes(warehouse)
    assert sorted(actual) == sorted(expected)
    changed = {
        name: (expected[name]["rows"], actual[name]["rows"])
        for name in expected
        if actual[name]["hash"] != expected[name]["hash"]
    }
    assert not changed, f"marts whose content changed (rows before, after): {changed}"


def test_two_builds_give_identical_marts(warehouse: Path) -> None:
    """Idempotence: building everything again on the same data changes no mart's content."""
    first = mart_hashes(warehouse)
    dbt(warehouse, "build", "--exclude", "resource_type:seed")
    second = mart_hashes(warehouse)
    assert len(first) >= 15
    assert all(table["rows"] > 0 for table in first.values()), first
    assert first == second


EMAIL_PATTERN = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"


def test_no_mart_holds_personal_data(warehouse: Path) -> None:
    """Privacy: no text value of any mart looks like an email address or equals the full name
    of a CRM contact (raw, case-insensitive); and no column tagged pii reaches a mart."""
    with duckdb.connect(str(warehouse)) as con:
        text_columns = con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'marts' and table_catalog = current_database() "
            "and data_type = 'VARCHAR' order by table_name, column_name"
        ).fetchall()
        names = {
            name
            for (name,) in con.execute(
                "select distinct lower(trim(full_name)) from raw.crm_contacts "
                "where full_name is not null"
            ).fetchall()
        }
        assert len(names) > 100
        con.execute("create temp table contact_names (name varchar)")
        con.executemany("insert into contact_names values (?)", [(n,) for n in names])
        leaks = []
        for table, column in text_columns:
            emails, full_names = con.execute(
                f"""
                select
                    count(*) filter (where regexp_matches("{column}", '{EMAIL_PATTERN}')),
                    count(*) filter (where lower(trim("{column}")) in
                        (select name from contact_names))
                from marts."{table}"
                """
            ).fetchone()
            if emails or full_names:
                leaks.append((table, column, emails, full_names))
    assert len(text_columns) > 50
    assert not leaks, leaks
    manifest = json.loads((warehouse.parent / "target" / "manifest.json").read_text())
    tagged = [
        (node["name"], column["name"])
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["fqn"][1] == "marts"
        for column in node["columns"].values()
        if column.get("meta", {}).get("pii") or "pii" in column.get("tags", [])
    ]
    assert not tagged, tagged
