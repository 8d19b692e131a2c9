"""Optional systems (issue 11): a company without some systems lists their raw tables in var
absent_sources. Those tables are never read (they need not exist), their staging models are empty
and typed, their data-quality checks are not applicable, health renormalises over what can be
measured, churn features null on every row leave the model, and KPIs that need them say no data.
An empty table that is not declared absent still fails the build, on seeds and on Parquet files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunnerResult

from .helpers import failed_nodes, fetch, table_names
from .test_dbt_integration import dbt, invoke_dbt

# The company: no CRM data beyond accounts, no invoices.
ABSENT = (
    "crm_contacts",
    "crm_opportunities",
    "crm_activities",
    "crm_interventions",
    "crm_milestones",
    "crm_support_tickets",
    "crm_nps_responses",
    "billing_invoices",
)
ABSENT_VARS = "{absent_sources: [" + ", ".join(ABSENT) + "]}"
# Measures and churn features read only from those tables.
ABSENT_MEASURES = (
    "nps_average",
    "csat_average",
    "csm_touches_90d",
    "executive_sponsor_present",
    "active_champions",
    "escalations_90d",
    "milestones_on_time_rate",
)
ABSENT_FEATURES = (*ABSENT_MEASURES, "tickets_90d", "late_invoices_180d", "relationship_quality")
# KPIs measured on interventions or opportunities; every other KPI stays measured.
NO_DATA_KPIS = {
    "intervention_success_rate",
    "save_rate",
    "recovery_time_days",
    "alert_response_hours",
    "expansion_conversion_rate",
    "pipeline_velocity_improvement",
}


def staging_model(table: str) -> str:
    system, _, entity = table.partition("_")
    return f"stg_{system}__{entity}"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding only the demo seeds."""
    db_path = tmp_path_factory.mktemp("absent_seeded") / "warehouse.duckdb"
    dbt(db_path, "seed")
    with duckdb.connect(str(db_path)) as con:
        con.execute("checkpoint")  # copies of the file hold everything
    return db_path


@pytest.fixture(scope="module")
def absent_warehouse(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data without the absent tables (dropped after loading the seeds), built in full
    with them declared absent."""
    db_path = tmp_path_factory.mktemp("absent_sources") / "warehouse.duckdb"
    shutil.copyfile(seeded, db_path)
    with duckdb.connect(str(db_path)) as con:
        for table in ABSENT:
            con.execute(f"drop table raw.{table}")
    dbt(db_path, "build", "--exclude", "resource_type:seed", "--vars", ABSENT_VARS)
    return db_path


def test_absent_tables_build_as_empty_typed_staging_models(absent_warehouse: Path) -> None:
    assert not set(ABSENT) & table_names(absent_warehouse, "raw")
    for table in ABSENT:
        model = staging_model(table)
        assert fetch(absent_warehouse, f"select count(*) from staging.{model}") == [(0,)]
        types = dict(
            fetch(
                absent_warehouse,
                "select column_name, data_type from information_schema.columns "
                f"where table_schema = 'staging' and table_name = '{model}'",
            )
        )
        assert types["account_id"] == "VARCHAR" and types["rejection_reason"] == "VARCHAR", model


def test_health_is_scored_for_every_live_account_day(absent_warehouse: Path) -> None:
    """Every live account-day (a day of the billing measures) gets a score from the components
    that can be measured: the relationship component (only absent systems) is null everywhere
    and the other weights are renormalised to 1."""
    measures = ", ".join(f"count({m})" for m in ABSENT_MEASURES)
    ((live, *measured),) = fetch(
        absent_warehouse,
        f"select count(*), {measures} from intermediate.int_account_days_health_measures",
    )
    assert live > 100_000 and measured == [0] * len(ABSENT_MEASURES)
    ((scored, with_score, relationship, weights_off),) = fetch(
        absent_warehouse,
        """
        select
            count(*),
            count(health_score),
            count(relationship_quality_score),
            count(*) filter (where abs(coalesce(product_usage_weight, 0)
                + coalesce(business_outcomes_weight, 0) + coalesce(account_growth_weight, 0)
                - 1) > 0.00001)
        from intermediate.int_account_days_health_scored
        """,
    )
    assert (scored, with_score, relationship, weights_off) == (live, live, 0, 0)


def test_both_churn_models_build_without_the_absent_features(absent_warehouse: Path) -> None:
    ((accounts, drivers_from_absent),) = fetch(
        absent_warehouse,
        f"""
        select
            count(*),
            count(*) filter (where list_has_any(
                [driver_1_feature, driver_2_feature, driver_3_feature],
                {list(ABSENT_FEATURES)}
            ))
        from marts.fct_churn_risk_scores
        """,
    )
    assert accounts > 200 and drivers_from_absent == 0
    rows = fetch(
        absent_warehouse,
        "select scorer, n, roc_auc from marts.rpt_churn_model_evaluation "
        "where row_type = 'summary' order by scorer",
    )
    assert [scorer for scorer, _, _ in rows] == ["churn_model", "health_score"]
    assert all(n > 1000 and 0.5 < auc <= 1 for _, n, auc in rows), rows


def test_kpis_that_need_an_absent_system_say_no_data(absent_warehouse: Path) -> None:
    rows = fetch(
        absent_warehouse,
        "select kpi_name, kpi_status, actual_value, computation from marts.rpt_kpi_scorecard",
    )
    no_data = {name for name, status, _, _ in rows if status == "no data"}
    assert no_data == NO_DATA_KPIS
    for name, _, actual, computation in rows:
        if name in NO_DATA_KPIS:
            assert actual is None and "declared absent" in computation, name
        else:
            assert actual is not None, name


def test_data_quality_checks_of_absent_tables_are_not_applicable(absent_warehouse: Path) -> None:
    """A check reading an absent table (its own or the keys it is compared with) is
    not_applicable with nothing counted; every other check is measured and passes."""
    absent_models = [staging_model(t) for t in ABSENT] + [
        f"int_{t.partition('_')[2]}_validated" for t in ABSENT
    ]
    rows = fetch(
        absent_warehouse,
        "select check_id, model_name, check_rule, status, denominator "
        "from marts.rpt_data_quality_scorecard",
    )
    statuses = {status for _, _, _, status, _ in rows}
    assert statuses == {"pass", "not_applicable"}
    for check_id, model, rule, status, denominator in rows:
        reads_absent = model in absent_models or any(f" {m}." in rule for m in absent_models)
        assert (status == "not_applicable") == reads_absent, check_id
        if reads_absent:
            assert denominator == 0 and "declared absent" in rule, check_id
    assert "not_applicable" in {s for c, _, _, s, _ in rows if c.startswith("freshness.")}


# --- external Parquet files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def parquet_sources(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo raw tables as Parquet files, <folder>/<table>/part0.parquet, but
    crm_nps_responses empty, crm_milestones without its completed_at column and no
    crm_activities at all."""
    folder = tmp_path_factory.mktemp("parquet_sources")
    with duckdb.connect(str(seeded)) as con:
        for table in sorted(table_names(seeded, "raw")):
            rows = {
                "crm_nps_responses": "select * from raw.crm_nps_responses limit 0",
                "crm_milestones": "select * exclude (completed_at) from raw.crm_milestones",
                "crm_activities": None,
            }.get(table, f"select * from raw.{table}")
            if rows:
                (folder / table).mkdir()
                con.execute(f"copy ({rows}) to '{folder / table / 'part0.parquet'}'")
    return folder


def build_on_files(folder: Path, tables: list[str], absent: list[str]) -> dbtRunnerResult:
    """Build the staging models of ``tables`` reading ``folder``'s Parquet files, with ``absent``
    declared absent, in a warehouse file without raw tables."""
    location = f"read_parquet('{folder}/{{identifier}}/*.parquet')"
    variables = f'{{raw_external_location: "{location}", absent_sources: [{", ".join(absent)}]}}'
    db_path = folder.parent / f"{folder.name}_build" / "warehouse.duckdb"
    db_path.parent.mkdir(exist_ok=True)
    models = [staging_model(table) for table in tables]
    return invoke_dbt(db_path, "run", "--select", *models, "--vars", variables)


def test_an_empty_or_incomplete_parquet_file_fails_naming_the_table(
    parquet_sources: Path, seeded: Path
) -> None:
    """The contract check runs on files too: an empty file that is not declared absent is a
    failed load, a missing column is named; an absent table needs no file at all."""
    tables = ["crm_nps_responses", "crm_milestones", "crm_activities", "crm_accounts"]
    result = build_on_files(parquet_sources, tables, absent=["crm_activities"])
    failed = failed_nodes(result)
    assert sorted(failed) == ["stg_crm__milestones", "stg_crm__nps_responses"], failed
    assert "Raw table crm_nps_responses" in failed["stg_crm__nps_responses"]
    assert "the table is empty" in failed["stg_crm__nps_responses"]
    assert "Raw table crm_milestones" in failed["stg_crm__milestones"]
    assert "missing column(s) completed_at" in failed["stg_crm__milestones"]
    built = parquet_sources.parent / f"{parquet_sources.name}_build" / "warehouse.duckdb"
    assert fetch(built, "select count(*) from staging.stg_crm__activities") == [(0,)]
    staged = fetch(built, "select count(*) from staging.stg_crm__accounts")
    assert staged == fetch(seeded, "select count(*) from raw.crm_accounts")


def test_a_misspelt_absent_table_fails(parquet_sources: Path) -> None:
    result = build_on_files(parquet_sources, ["crm_accounts"], absent=["crm_activity"])
    message = str(result.exception) + " ".join(failed_nodes(result).values())
    assert not result.success
    assert "absent_sources lists crm_activity, which is not a raw table" in message, message
