"""The company's own vocabularies (issue 11, problem 4): event names mapped to features, roles and
the core-feature flag through the event taxonomy, and segments, regions, intervention triggers and
the like checked against, and mapped through, the vocabularies.

A company that spells everything its own way (other event names, no feature column, other
segments and regions, 'cancel_request' for the standard cancellation_request) and says so in
event_taxonomy and vocabularies gets exactly the usage measures of the demo it was made from. An
unknown value is quarantined with reason unknown_<domain> (unknown_event_name for an event name
missing from the taxonomy), or, with var unknown_vocabulary_action = fail, stops the build
naming the raw table, column, value and rows.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from cs_analytics.contract import CONTRACT, EVENT_ROLES, VOCABULARY_COLUMNS, all_tables

from .conftest import PROJECT_DIR
from .helpers import failed_nodes, fetch
from .test_bad_input import BUILD, WAREHOUSE, Project, copy_warehouse

SEEDS = PROJECT_DIR / "seeds"
MACROS = PROJECT_DIR / "macros" / "validation" / "vocabularies.sql"
# What the cases build: the usage measures, the validated CRM rows the vocabularies check and map,
# and the rejected rows of both systems.
SELECTION = (
    "+int_account_days_usage",
    "+int_account_days_core_features_used",
    "+int_core_features_listed",
    "+int_accounts_validated",
    "+int_interventions_validated",
    "+int_product_rows_rejected",
    "+int_crm_rows_rejected",
)
# The tables that must come out the same when the company's own terms are mapped.
USAGE_TABLES = (
    "intermediate.int_account_days_usage",
    "intermediate.int_account_days_core_features_used",
    "intermediate.int_core_features_listed",
)

# The company's own spelling of the demo: event names (feature_used split by feature, with the
# feature in the taxonomy and none on the event), segments, regions and one intervention trigger.
EVENT_NAMES = {
    "session_started": "app_opened",
    "workflow_started": "job_started",
    "workflow_completed": "job_finished",
    "api_call": "api_request",
}
SEGMENTS = {"smb": "small_business", "mid_market": "corporate", "enterprise": "strategic"}
REGIONS = {"north_america": "amer", "emea": "europe", "apac": "asia_pacific"}


def seed_rows(name: str) -> list[dict[str, str]]:
    with (SEEDS / f"{name}.csv").open(newline="") as f:
        return list(csv.DictReader(f))


def values_sql(rows: list[tuple]) -> str:
    def literal(value: object) -> str:
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        return "'" + str(value).replace("'", "''") + "'"

    return ", ".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows)


def own_taxonomy(features: list[str]) -> list[tuple]:
    """The company's event taxonomy: one event name per core feature, features on the taxonomy."""
    rows = [
        ("app_opened", None, "session_start", False),
        ("job_started", "workflows", "workflow_started", False),
        ("job_finished", "workflows", "workflow_completed", False),
        ("api_request", "api", "api_call", False),
    ]
    rows += [(f"{feature}_used", feature, "feature_use", True) for feature in features]
    return rows


def own_vocabularies() -> list[tuple]:
    """The demo's vocabularies with the company's segments, regions and cancellation trigger."""
    renamed = {"segment": SEGMENTS, "region": REGIONS}
    rows = []
    for row in seed_rows("vocabularies"):
        domain, value, standard = row["domain"], row["value"], row["standard_value"] or None
        if domain in renamed:
            value = renamed[domain][value]
        if (domain, value) == ("trigger_reason", "cancellation_request"):
            value = "cancel_request"
        rows.append((domain, value, standard))
    return rows


def rename_sql(table: str, column: str, mapping: dict[str, str]) -> str:
    cases = " ".join(f"when '{old}' then '{new}'" for old, new in mapping.items())
    return f"update raw.{table} set {column} = case {column} {cases} else {column} end"


def replace_table_sql(table: str, columns: tuple[str, ...], rows: list[tuple]) -> list[str]:
    return [
        f"delete from raw.{table}",
        f"insert into raw.{table} ({', '.join(columns)}) values {values_sql(rows)}",
    ]


# -- The contract and the demo configuration ----------------------------------------------------


def test_vocabulary_columns_are_raw_contract_columns() -> None:
    tables = all_tables()
    for domain, (table, column) in VOCABULARY_COLUMNS.items():
        assert column in tables.get(table, {}), (domain, table, column)
    assert set(CONTRACT["reference"]) >= {"event_taxonomy", "vocabularies"}


def test_dbt_vocabulary_map_is_the_contract() -> None:
    """macros/validation/vocabularies.sql holds VOCABULARY_COLUMNS and EVENT_ROLES for dbt."""
    text = MACROS.read_text()
    declared = {
        domain: (table, column)
        for domain, table, column in re.findall(r"'(\w+)': \['(\w+)', '(\w+)', '\w+'\]", text)
    }
    assert declared == VOCABULARY_COLUMNS
    roles = re.search(r"macro event_roles\(\).*?\[(.*?)\]", text, re.S)
    assert roles and tuple(re.findall(r"'(\w+)'", roles.group(1))) == EVENT_ROLES


def test_demo_configuration_covers_the_demo_data() -> None:
    """Every value of the demo's raw columns is in its vocabulary and every event name in the
    taxonomy (so the demo's build quarantines nothing for an unknown term)."""
    terms = {(r["domain"], r["value"]) for r in seed_rows("vocabularies")}
    for domain, (table, column) in VOCABULARY_COLUMNS.items():
        values = {r[column].strip().lower() for r in seed_rows(table) if r[column].strip()}
        assert values, (domain, table, column)
        assert values <= {v for d, v in terms if d == domain}, domain
    taxonomy = seed_rows("event_taxonomy")
    assert {r["role"] for r in taxonomy if r["role"]} <= set(EVENT_ROLES)
    names = {r["event_name"] for r in seed_rows("product_events") if r["event_name"]}
    assert {n.strip().lower() for n in names} <= {r["event_name"] for r in taxonomy}


# -- Builds ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project.parse(PROJECT_DIR, tmp_path_factory.mktemp("vocabularies_parse"))


@pytest.fixture(scope="module")
def seeded(project: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db_path = tmp_path_factory.mktemp("vocabularies_seeded") / WAREHOUSE
    result = project.invoke(db_path, "seed")
    assert result.success, failed_nodes(result) or result.exception
    return db_path


@pytest.fixture(scope="module")
def clean(project: Project, seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db_path = copy_warehouse(seeded, tmp_path_factory.mktemp("vocabularies_clean"))
    result = project.invoke(db_path, *BUILD, "--select", *SELECTION)
    assert result.success, failed_nodes(result) or result.exception
    return db_path


def rows(db_path: Path, table: str) -> Counter:
    return Counter(fetch(db_path, f"select * from {table}"))


def test_own_event_names_and_terms_give_the_same_usage(
    project: Project, seeded: Path, clean: Path, tmp_path: Path
) -> None:
    features = [
        feature
        for (feature,) in fetch(
            seeded,
            "select distinct feature from raw.product_events "
            "where event_name = 'feature_used' order by 1",
        )
    ]
    statements = [
        # The company's events: its own names, and no feature column (the taxonomy has them).
        "update raw.product_events set event_name = case "
        + " ".join(f"when event_name = '{old}' then '{new}'" for old, new in EVENT_NAMES.items())
        + " when event_name = 'feature_used' then feature || '_used' else event_name end, "
        "feature = null",
        *replace_table_sql(
            "event_taxonomy",
            ("event_name", "feature", "role", "is_core_feature"),
            own_taxonomy(features),
        ),
        rename_sql("crm_accounts", "segment", SEGMENTS),
        rename_sql("crm_accounts", "region", REGIONS),
        rename_sql(
            "crm_interventions", "trigger_reason", {"cancellation_request": "cancel_request"}
        ),
        *replace_table_sql(
            "vocabularies", ("domain", "value", "standard_value"), own_vocabularies()
        ),
    ]
    db_path = copy_warehouse(seeded, tmp_path, tuple(statements))
    result = project.invoke(db_path, *BUILD, "--select", *SELECTION)
    assert result.success, failed_nodes(result) or result.exception

    # Nothing is rejected for a term: the company's vocabulary is complete.
    assert fetch(
        db_path,
        "select count(*) from intermediate.int_product_rows_rejected "
        "where rejection_reason like 'unknown_%' and rejection_reason != 'unknown_account_id'",
    ) == [(0,)]
    for table in USAGE_TABLES:
        assert rows(db_path, table) == rows(clean, table), table
    sessions, workflows, api_calls, breadth = fetch(
        db_path,
        "select sum(sessions), sum(workflow_completions), sum(api_calls), "
        "(select count(*) from intermediate.int_core_features_listed) "
        "from intermediate.int_account_days_usage",
    )[0]
    assert sessions > 0 and workflows > 0 and api_calls > 0 and breadth == len(features) == 8
    # The company's segments and regions reach the usable accounts as its own (no standard
    # term) ...
    segments = (
        "select segment, region, count(*) from intermediate.int_accounts_validated group by all"
    )
    renamed = Counter()
    for segment, region, n in fetch(clean, segments):
        renamed[(SEGMENTS[segment], REGIONS[region])] += n
    assert Counter({(s, r): n for s, r, n in fetch(db_path, segments)}) == renamed
    # ... and its cancel_request is the standard cancellation_request the models key on.
    triggers = (
        "select trigger_reason, count(*) from intermediate.int_interventions_validated group by 1"
    )
    assert dict(fetch(db_path, triggers)) == dict(fetch(clean, triggers))
    assert ("cancellation_request",) in fetch(
        db_path, "select distinct trigger_reason from intermediate.int_interventions_validated"
    )


# An account in an unknown segment and an event with an unknown name, for an existing account.
UNKNOWN_TERMS = (
    "insert into raw.crm_accounts select 'A99001', 'Galactic Ltd', industry, 'galactic', region,"
    " csm_owner, null, created_at from raw.crm_accounts order by account_id limit 1",
    "insert into raw.product_events select 'E-unknown-1', account_id, user_id, 'teleported',"
    " null, occurred_at, received_at, 5 from raw.product_events order by event_id limit 1",
)


def test_unknown_terms_are_quarantined(
    project: Project, seeded: Path, clean: Path, tmp_path: Path
) -> None:
    db_path = copy_warehouse(seeded, tmp_path, UNKNOWN_TERMS)
    result = project.invoke(db_path, *BUILD, "--select", *SELECTION)
    assert result.success, failed_nodes(result) or result.exception
    rejected = (
        "select source_table, record_id, rejection_reason from intermediate.int_{}_rows_rejected"
    )
    new_crm = Counter(fetch(db_path, rejected.format("crm"))) - Counter(
        fetch(clean, rejected.format("crm"))
    )
    assert new_crm == Counter({("crm_accounts", "A99001", "unknown_segment"): 1})
    new_product = Counter(fetch(db_path, rejected.format("product"))) - Counter(
        fetch(clean, rejected.format("product"))
    )
    assert new_product == Counter({("product_events", "E-unknown-1", "unknown_event_name"): 1})
    for table in USAGE_TABLES:
        assert rows(db_path, table) == rows(clean, table), table


def test_unknown_terms_fail_the_build_when_configured(
    project: Project, seeded: Path, tmp_path: Path
) -> None:
    db_path = copy_warehouse(seeded, tmp_path, UNKNOWN_TERMS)
    result = project.invoke(
        db_path,
        *BUILD,
        "--select",
        *SELECTION,
        "--vars",
        "{unknown_vocabulary_action: fail}",
    )
    assert not result.success
    failed = failed_nodes(result)
    accounts = failed.get("int_accounts_validated", "")
    assert all(word in accounts for word in ("crm_accounts", "segment", "'galactic'", "1 row"))
    events = failed.get("int_events_validated", "")
    assert all(word in events for word in ("product_events", "event_name", "'teleported'", "1 row"))
