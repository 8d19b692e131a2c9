"""A one-screen summary of a built warehouse, to compare data sets (the demo, another profile, a
company's own data) at a glance: the rows of every raw table, the monthly logo churn and NRR of
the last months, and how well the health score ranks churn (ROC AUC against churn within the
horizon, from the out-of-time evaluation in marts.rpt_churn_model_evaluation).

    python -m cs_analytics.build_summary target/test_warehouse.duckdb
    python -m cs_analytics.build_summary warehouse.duckdb --raw-dir data/profile --months 6

Raw rows are counted in the warehouse's `raw` schema (seeds), or, with --raw-dir, in the
Parquet/CSV files a build read through `raw_external_location` (one file or folder per table).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from cs_analytics.contract import all_tables


def raw_row_counts(
    con: duckdb.DuckDBPyConnection, raw_dir: Path | None = None
) -> dict[str, int | None]:
    """Rows per raw contract table; None for a table that is not there (an absent system)."""
    counts: dict[str, int | None] = {}
    present = {
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'raw'"
        ).fetchall()
    }
    for table in all_tables():
        if raw_dir is None:
            if table not in present:
                counts[table] = None
                continue
            source = f'raw."{table}"'
        else:
            matches = sorted(raw_dir.glob(f"{table}.*")) + sorted(raw_dir.glob(f"{table}/*"))
            if not matches:
                counts[table] = None
                continue
            path = matches[0]
            reader = "read_csv_auto" if path.suffix == ".csv" else "read_parquet"
            pattern = str(path.parent / "*.parquet") if path.parent.name == table else str(path)
            source = f"{reader}('{pattern}')"
        counts[table] = con.execute(f"select count(*) from {source}").fetchall()[0][0]
    return counts


def last_months(con: duckdb.DuckDBPyConnection, months: int) -> list[tuple]:
    """(month, accounts at start, churned accounts, logo churn rate, NRR) of the whole base."""
    return con.execute(
        "select month_start_date, accounts_at_start, churned_accounts, logo_churn_rate,"
        " nrr_monthly from marts.fct_retention_monthly where segment = 'all'"
        " order by month_start_date desc limit ?",
        [months],
    ).fetchall()[::-1]


def health_auc(con: duckdb.DuckDBPyConnection) -> tuple | None:
    """(ROC AUC, test rows, test churns) of the health score in the out-of-time evaluation."""
    rows = con.execute(
        "select roc_auc, n, positives from marts.rpt_churn_model_evaluation"
        " where scorer = 'health_score' and row_type = 'summary'"
    ).fetchall()
    return rows[0] if rows else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("warehouse", help="DuckDB file of a build (marts schema)")
    parser.add_argument("--raw-dir", type=Path, help="folder of raw files the build read")
    parser.add_argument("--months", type=int, default=6)
    args = parser.parse_args(argv)
    with duckdb.connect(args.warehouse, read_only=True) as con:
        print("rows per raw table:")
        for table, rows in raw_row_counts(con, args.raw_dir).items():
            print(f"  {table:24} {'absent' if rows is None else f'{rows:,}'}")
        print(f"last {args.months} months (all segments):")
        print("  month       at start  churned  logo churn     NRR")
        for month, start, churned, rate, nrr in last_months(con, args.months):
            rate_text = "-" if rate is None else f"{float(rate):.2%}"
            nrr_text = "-" if nrr is None else f"{float(nrr):.2%}"
            print(f"  {month}  {start:8}  {churned:7}  {rate_text:>10}  {nrr_text:>7}")
        auc = health_auc(con)
        if auc is None:
            print("health score ROC AUC: no evaluation in the build")
        else:
            value = "undefined" if auc[0] is None else f"{auc[0]:.3f}"
            print(
                f"health score ROC AUC vs churn (out-of-time test): {value}"
                f" on {auc[1]:,} account-months, {auc[2]:.0f} churns"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
