"""The MetricFlow semantic layer (models/marts/semantic) on the published BI file: the configs
validate against it, and `mf query` returns the marts' own numbers."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.python.helpers import PROJECT_DIR


def bi_env(published: Path) -> dict[str, str]:
    """The environment of a BI reader: the profile's read-only `bi` target on the published
    file, as the README tells users to query the metrics."""
    return {
        **os.environ,
        "DBT_TARGET": "bi",
        "CS_WAREHOUSE": str(published / "warehouse.duckdb"),
        "DBT_PROJECT_DIR": str(PROJECT_DIR),
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
    }


def mf(published: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the MetricFlow CLI of the venv on the project, reading the published file."""
    env = bi_env(published)
    mf_bin = Path(sys.executable).with_name("mf")
    return subprocess.run(
        [str(mf_bin), *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def semantic_manifest(published: Path) -> Path:
    """The semantic manifest parsed for the published file (its relations name its catalog)."""
    env = bi_env(published)
    dbt_bin = Path(sys.executable).with_name("dbt")
    parsed = subprocess.run(
        [str(dbt_bin), "parse", "--quiet"], cwd=PROJECT_DIR, env=env, capture_output=True
    )
    assert parsed.returncode == 0, parsed.stdout
    return PROJECT_DIR / "target" / "semantic_manifest.json"


def query(published: Path, tmp_path: Path, *args: str) -> list[dict[str, str]]:
    out = tmp_path / "result.csv"
    result = mf(published, "query", *args, "--csv", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    with out.open() as handle:
        return list(csv.DictReader(handle))


def mart_rows(published: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(published / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_the_semantic_configs_validate_against_the_published_file(semantic_manifest, published):
    result = mf(published, "validate-configs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERRORS: 0" in result.stdout and "ERRORS: 1" not in result.stdout


def test_mrr_and_nrr_by_month_equal_the_retention_mart(semantic_manifest, published, tmp_path):
    rows = query(
        published,
        tmp_path,
        "--metrics",
        "mrr,nrr_monthly",
        "--group-by",
        "metric_time__month",
        "--order",
        "metric_time__month",
    )
    mart = mart_rows(
        published,
        "select month_start_date, end_mrr_usd, nrr_monthly from marts.fct_retention_monthly "
        "where segment = 'all' order by month_start_date",
    )
    assert len(rows) == len(mart) == 24
    for row, (month, end_mrr, nrr) in zip(rows, mart, strict=True):
        assert row["metric_time__month"].startswith(str(month))
        assert Decimal(row["mrr"]) == end_mrr
        if nrr is None:
            assert row["nrr_monthly"] == ""
        else:
            assert abs(float(row["nrr_monthly"]) - float(nrr)) < 5e-7


def test_conversion_and_save_rate_equal_the_marts(semantic_manifest, published, tmp_path):
    (row,) = query(
        published, tmp_path, "--metrics", "expansion_conversion_rate,save_rate,at_risk_accounts"
    )
    ((won, closed),) = mart_rows(
        published,
        "select count(*) filter (where is_won), count(*) filter (where is_closed) "
        "from marts.fct_expansion_pipeline",
    )
    ((saved, assessed),) = mart_rows(
        published,
        "select count(*) filter (where is_saved), count(is_saved) from marts.fct_interventions",
    )
    ((at_risk,),) = mart_rows(
        published,
        "select count(*) from marts.fct_account_health_monthly "
        "where health_tier in ('at_risk', 'critical') and month_start_date = "
        "(select max(month_start_date) from marts.fct_account_health_monthly)",
    )
    assert closed > 0 and assessed > 0
    assert abs(float(row["expansion_conversion_rate"]) - won / closed) < 1e-9
    assert abs(float(row["save_rate"]) - saved / assessed) < 1e-9
    assert int(row["at_risk_accounts"]) == at_risk > 0


def test_the_saved_queries_run(semantic_manifest, published, tmp_path):
    for name in (
        "revenue_retention_monthly",
        "health_risk_monthly",
        "health_distribution_monthly",
        "cs_outcomes_quarterly",
    ):
        rows = query(published, tmp_path, "--saved-query", name)
        assert rows, name
