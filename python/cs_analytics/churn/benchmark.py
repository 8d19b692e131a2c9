"""Benchmark the churn model: time and peak memory of split, fit, score, explain and evaluate.

``python -m cs_analytics.churn.benchmark --features PATH.parquet [--cutoff YYYY-MM-DD]`` reads a
features frame (the contract of ``cs_analytics.churn.model``); ``--synthetic N`` generates N
rows with a fixed seed instead. It prints figures to read; it is not a timed test.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd

from cs_analytics.churn.evaluation import evaluate
from cs_analytics.churn.model import (
    DEFAULT_HORIZON_DAYS,
    KEY_COLUMNS,
    LABEL,
    explain,
    fit,
    score,
    split_out_of_time,
)

T = TypeVar("T")

SYNTHETIC_START = "2024-11-30"
SYNTHETIC_MONTHS = 24
# Month ends whose 90-day horizon runs past the synthetic data: their label is unknown.
SYNTHETIC_UNLABELLED_MONTHS = 3


def synthetic_frame(n_rows: int, *, n_features: int = 12, seed: int = 42) -> pd.DataFrame:
    """N rows of month-end observations (24 per account) with gappy features and a label.

    Feature j is standard normal with a missing share of 5% x (j mod 4); the label is drawn
    from a logistic model of the features (about 10% churn); the last 3 month ends are
    unlabelled. Same arguments, same frame.
    """
    if n_rows < 1 or n_features < 1:
        raise ValueError("n_rows and n_features must be at least 1")
    rng = np.random.default_rng(seed)
    n_accounts = -(-n_rows // SYNTHETIC_MONTHS)
    account = np.repeat(np.arange(1, n_accounts + 1), SYNTHETIC_MONTHS)[:n_rows]
    month = np.tile(np.arange(SYNTHETIC_MONTHS), n_accounts)[:n_rows]
    month_ends = pd.date_range(SYNTHETIC_START, periods=SYNTHETIC_MONTHS, freq="ME")
    x = rng.normal(size=(n_rows, n_features))
    weights = rng.normal(scale=0.6, size=n_features)
    log_odds = -2.5 + x @ weights
    label = (rng.random(n_rows) < 1.0 / (1.0 + np.exp(-log_odds))).astype("float64")
    label[month >= SYNTHETIC_MONTHS - SYNTHETIC_UNLABELLED_MONTHS] = np.nan
    for j in range(n_features):
        x[rng.random(n_rows) < 0.05 * (j % 4), j] = np.nan
    frame = pd.DataFrame(x, columns=[f"feature_{j:02d}" for j in range(n_features)])
    frame.insert(0, "account_id", pd.array([f"acc_{a:06d}" for a in account], dtype="str"))
    frame.insert(1, "observation_date", month_ends[month])
    frame[LABEL] = label
    return frame


def load_warehouse_features(path: str) -> pd.DataFrame:
    """The churn feature model of a built warehouse, prepared as the dbt models prepare it
    (decimals as floats, sorted by key)."""
    import duckdb

    from cs_analytics.churn.pipeline import prepare

    with duckdb.connect(path, read_only=True) as con:
        frame = con.sql("select * from intermediate.int_account_months_churn_features").df()
    # The benchmark's own feature list is every numeric column but the keys and the label:
    # drop the model's other non-features so it matches pipeline.feature_columns.
    return prepare(frame).drop(columns=["observation_id", "month_start_date"])


def default_feature_columns(frame: pd.DataFrame, label_column: str) -> list[str]:
    """Every numeric column other than the keys and the label, in frame order."""
    return [
        c
        for c in frame.columns
        if c not in (*KEY_COLUMNS, label_column) and pd.api.types.is_numeric_dtype(frame[c])
    ]


def default_cutoff(frame: pd.DataFrame, label_column: str) -> pd.Timestamp:
    """The distinct labelled observation date at 75% of their sorted list."""
    dates = pd.to_datetime(frame.loc[frame[label_column].notna(), "observation_date"])
    distinct = np.sort(dates.unique())
    if len(distinct) == 0:
        raise ValueError("no labelled observation to place a cut-off")
    return pd.Timestamp(distinct[int(0.75 * (len(distinct) - 1))])


def timed(label: str, figures: dict[str, str], trace: bool, step: Callable[[], T]) -> T:
    """Run ``step``; record its seconds, the peak RSS so far and (with trace) its traced peak."""
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    result = step()
    figures[f"{label}_s"] = f"{time.perf_counter() - started:.3f}"
    if trace:
        figures[f"{label}_traced_peak_mib"] = f"{tracemalloc.get_traced_memory()[1] / 2**20:.1f}"
        tracemalloc.stop()
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    figures[f"peak_rss_mib_after_{label}"] = (
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--features", help="features parquet (frame contract of churn.model)")
    source.add_argument("--synthetic", type=int, metavar="N", help="generate N synthetic rows")
    source.add_argument(
        "--duckdb",
        metavar="PATH",
        help="a built warehouse: read intermediate.int_account_months_churn_features",
    )
    parser.add_argument("--cutoff", help="YYYY-MM-DD (default: see default_cutoff)")
    parser.add_argument("--horizon-days", type=int, default=DEFAULT_HORIZON_DAYS)
    parser.add_argument("--label", default=LABEL)
    parser.add_argument("--feature-columns", help="comma-separated (default: numeric columns)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--top-n", type=int, default=3)
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also trace allocations (slows the steps)"
    )
    args = parser.parse_args(argv)

    figures: dict[str, str] = {}
    trace = args.tracemalloc
    if args.features:
        frame = timed("load", figures, trace, lambda: pd.read_parquet(args.features))
    elif args.duckdb:
        frame = timed("load", figures, trace, lambda: load_warehouse_features(args.duckdb))
    else:
        frame = timed(
            "load", figures, trace, lambda: synthetic_frame(args.synthetic, seed=args.seed)
        )
    features = (
        args.feature_columns.split(",")
        if args.feature_columns
        else default_feature_columns(frame, args.label)
    )
    cutoff = pd.Timestamp(args.cutoff) if args.cutoff else default_cutoff(frame, args.label)
    train, test = timed(
        "split",
        figures,
        trace,
        lambda: split_out_of_time(
            frame, cutoff, horizon_days=args.horizon_days, label_column=args.label
        ),
    )
    model = timed(
        "fit",
        figures,
        trace,
        lambda: fit(train, features, seed=args.seed, label_column=args.label),
    )
    probabilities = timed("score", figures, trace, lambda: score(model, frame))
    drivers = timed("explain", figures, trace, lambda: explain(model, frame, args.top_n))
    result = timed(
        "evaluate",
        figures,
        trace,
        lambda: evaluate(test[args.label], probabilities.loc[test.index]),
    )

    auc = "n/a" if result.roc_auc is None else f"{result.roc_auc:.4f}"
    print(f"rows={len(frame):,d} features={len(features)} cutoff={cutoff.date()}")
    print(f"train_rows={len(train):,d} test_rows={len(test):,d} driver_rows={len(drivers):,d}")
    print(f"test_roc_auc={auc} test_positives={result.positives:,d}")
    for name, value in figures.items():
        print(f"{name}={value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
