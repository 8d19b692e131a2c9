"""Glue between the dbt Python models and the churn model: which columns are features, where
the out-of-time cut-off falls, and the two output frames (risk scores, evaluation).

Both dbt models fit the same deterministic model on the same training set, so the evaluation
describes exactly the model that scores the accounts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cs_analytics.churn.evaluation import EvaluationResult, evaluate, evaluate_health_score
from cs_analytics.churn.model import (
    ChurnModel,
    OutOfTimeSplit,
    describe_split,
    explain,
    fit,
    risk_band,
    score,
    split_out_of_time,
)

LABEL = "is_churned_90d"
# Columns of the feature model that are keys, dates or the label, never features.
NOT_FEATURES = frozenset(
    {"observation_id", "account_id", "observation_date", "month_start_date", LABEL}
)
# The at-risk flag of the model: the high band (probability >= the upper band bound).
AT_RISK_BANDS = frozenset({"high"})


@dataclass(frozen=True)
class ChurnSettings:
    """What the dbt models pass in from the project's vars."""

    as_of_date: dt.date
    horizon_days: int = 90
    test_days: int = 180
    seed: int = 42
    band_thresholds: tuple[float, float] = (0.10, 0.25)

    @property
    def cutoff_date(self) -> dt.date:
        """Start of the out-of-time test period: as_of_date - horizon - test_days. Test
        observations (labelled, so at least horizon_days before as_of_date) cover test_days."""
        return self.as_of_date - dt.timedelta(days=self.horizon_days + self.test_days)


def feature_columns(frame: pd.DataFrame) -> list[str]:
    """Every column of the feature model except keys, dates and the label, sorted."""
    return sorted(column for column in frame.columns if column not in NOT_FEATURES)


def measured_features(train: pd.DataFrame, candidates: list[str]) -> list[str]:
    """The candidate features with at least one value in the training rows, in their order.

    A feature null on every training row carries nothing to learn from (typically it is
    measured from a raw table the company does not have, var absent_sources): it leaves the
    model before fit, which rejects an entirely null feature, rather than failing the build.
    """
    return [column for column in candidates if train[column].notna().any()]


def prepare(features: pd.DataFrame) -> pd.DataFrame:
    """Numeric features as float (DuckDB decimals and nullable ints arrive as objects or
    extension types), dates as datetime64, rows sorted by key for deterministic tie-breaks."""
    frame = features.copy()
    for column in [*feature_columns(frame), LABEL]:
        frame[column] = pd.to_numeric(frame[column], errors="raise").astype("float64")
    frame["observation_date"] = pd.to_datetime(frame["observation_date"])
    return frame.sort_values(["account_id", "observation_date"], kind="stable").reset_index(
        drop=True
    )


def fit_out_of_time(
    frame: pd.DataFrame, settings: ChurnSettings
) -> tuple[ChurnModel, OutOfTimeSplit]:
    """Split a prepared frame (see prepare) at the settings' cut-off and fit on the training
    part, with the features measured in it (see measured_features)."""
    split = split_out_of_time(
        frame, settings.cutoff_date, horizon_days=settings.horizon_days, label_column=LABEL
    )
    features = measured_features(split.train, feature_columns(frame))
    model = fit(split.train, features, seed=settings.seed, label_column=LABEL)
    return model, split


def risk_scores(features: pd.DataFrame, settings: ChurnSettings, top_n: int = 3) -> pd.DataFrame:
    """One row per account observed on the as-of date (every account active then): churn
    probability, risk band, and the top drivers (feature, contribution, direction) wide."""
    frame = prepare(features)
    model, _ = fit_out_of_time(frame, settings)
    current = frame[frame["observation_date"].dt.date == settings.as_of_date].reset_index(drop=True)
    probabilities = score(model, current)
    drivers = explain(model, current, top_n=top_n)
    result = pd.DataFrame(
        {
            "account_id": current["account_id"],
            "observation_date": current["observation_date"].dt.date,
            "churn_probability": probabilities.round(6),
            "risk_band": risk_band(probabilities, settings.band_thresholds),
            "health_score": current["health_score"],
        }
    )
    for rank in range(1, top_n + 1):
        ranked = drivers[drivers["driver_rank"] == rank].set_index("account_id")
        result[f"driver_{rank}_feature"] = result["account_id"].map(ranked["feature"])
        result[f"driver_{rank}_contribution"] = (
            result["account_id"].map(ranked["contribution"]).astype("float64").round(6)
        )
        result[f"driver_{rank}_direction"] = result["account_id"].map(ranked["direction"])
    result["model_cutoff_date"] = settings.cutoff_date
    result["model_train_rows"] = model.n_train
    return result


def _row(scorer: str, result: EvaluationResult, split_info: dict[str, object]) -> dict:
    return {"scorer": scorer, "row_type": "summary", "decile": None, **result.summary(),
            "mean_score": None, "observed_rate": None, **split_info}  # fmt: skip


def evaluation(features: pd.DataFrame, settings: ChurnSettings) -> pd.DataFrame:
    """Out-of-time evaluation of the model and of the plain health score (orange or red = at
    risk) on the same test observations: a summary row per scorer, then one calibration row
    per scorer and decile; the split's sizes and dates on every row."""
    model, split = fit_out_of_time(prepare(features), settings)
    test = split.test.sort_values(["account_id", "observation_date"], kind="stable")
    test = test[test["health_score"].notna()].reset_index(drop=True)
    labels = test[LABEL].to_numpy()
    probabilities = score(model, test)
    bands = risk_band(probabilities, settings.band_thresholds)
    results = {
        "churn_model": evaluate(
            labels, probabilities.to_numpy(), at_risk=bands.isin(AT_RISK_BANDS).to_numpy()
        ),
        "health_score": evaluate_health_score(labels, test["health_score"].to_numpy()),
    }
    split_info = {**describe_split(split, label_column=LABEL), "cutoff_date": settings.cutoff_date}
    rows = []
    for scorer, result in results.items():
        rows.append(_row(scorer, result, split_info))
        for calibration in result.calibration:
            rows.append(
                {"scorer": scorer, "row_type": "calibration", "decile": calibration.decile,
                 "n": calibration.n, "mean_score": calibration.mean_score,
                 "observed_rate": calibration.observed_rate, **split_info}
            )  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["evaluation_row_id"] = (
        frame["scorer"] + "-" + frame["row_type"] + "-"
        + frame["decile"].map(lambda d: "all" if pd.isna(d) else f"{int(d):02d}")
    )  # fmt: skip
    for column in frame.columns:
        if frame[column].dtype == object and column.endswith("_date"):
            frame[column] = pd.to_datetime(frame[column]).dt.date
    return frame.replace({np.nan: None})
