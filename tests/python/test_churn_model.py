"""The churn-model package on hand-made frames: split, fit, score, bands, drivers, evaluation."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from cs_analytics.churn import (
    describe_split,
    evaluate,
    evaluate_health_score,
    explain,
    feature_importance,
    fit,
    risk_band,
    score,
    split_out_of_time,
)
from cs_analytics.churn.benchmark import main as benchmark_main
from cs_analytics.churn.benchmark import synthetic_frame
from cs_analytics.churn.model import contributions

LABEL = "is_churned_90d"


def frame_of(columns: dict[str, list], *, date: str = "2025-01-31") -> pd.DataFrame:
    """One observation per account (acc_00, acc_01, ...) on ``date`` with the given columns."""
    n = len(next(iter(columns.values())))
    return pd.DataFrame(
        {
            "account_id": [f"acc_{i:02d}" for i in range(n)],
            "observation_date": pd.Timestamp(date),
            **columns,
        }
    )


@pytest.fixture
def training() -> pd.DataFrame:
    """40 observations: low usage and few seats churn more; some gaps in both features."""
    rng = np.random.default_rng(5)
    usage = rng.normal(50, 15, 40)
    seats = rng.normal(0.7, 0.2, 40)
    churned = (usage + 40 * seats + rng.normal(0, 10, 40) < 75).astype(float)
    usage[[3, 17]] = np.nan
    seats[[8]] = np.nan
    return frame_of({"usage": list(usage), "seats": list(seats), LABEL: list(churned)})


@pytest.fixture
def separable() -> pd.DataFrame:
    """20 observations where usage alone decides churn (low usage churns); noise is noise."""
    usage = [float(u) for u in range(10, 210, 10)]
    noise = [1.0, -1.0] * 10
    churned = [1.0 if u <= 60 else 0.0 for u in usage]
    return frame_of({"usage": usage, "noise": noise, LABEL: churned})


# --- split_out_of_time -----------------------------------------------------------------------


def test_split_excludes_observations_whose_horizon_crosses_the_cutoff() -> None:
    days = ["2025-01-31", "2025-03-31", "2025-04-01", "2025-04-30", "2025-05-31",
            "2025-06-30", "2025-07-31", "2025-08-31"]  # fmt: skip
    frame = pd.DataFrame(
        {
            "account_id": "acc_01",
            "observation_date": [dt.date.fromisoformat(d) for d in days],
            "usage": 1.0,
            LABEL: [0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, np.nan],
        }
    )
    train, test = split_out_of_time(frame, "2025-06-30")
    # 04-01 + 90 days = 06-30: the horizon ends on the cut-off, allowed; 04-30 crosses it.
    assert [str(d) for d in train["observation_date"]] == days[:3]
    # Labelled from the cut-off on; the unlabelled 08-31 is in neither set.
    assert [str(d) for d in test["observation_date"]] == days[5:7]
    assert list(train.index) == [0, 1, 2] and list(test.index) == [5, 6]
    summary = describe_split(split_out_of_time(frame, dt.date(2025, 6, 30)))
    assert summary["train_rows"] == 3 and summary["train_positives"] == 1
    assert summary["train_last_date"] == dt.date(2025, 4, 1)
    assert summary["test_first_date"] == dt.date(2025, 6, 30)


def test_split_horizon_is_a_parameter() -> None:
    frame = frame_of({LABEL: [0.0]}, date="2025-05-31")
    assert len(split_out_of_time(frame, "2025-06-30").train) == 0
    assert len(split_out_of_time(frame, "2025-06-30", horizon_days=30).train) == 1


# --- fit -------------------------------------------------------------------------------------


def test_fit_is_deterministic_and_ignores_row_order(training: pd.DataFrame) -> None:
    first = fit(training, ["usage", "seats"])
    second = fit(training, ["usage", "seats"])
    shuffled = fit(training.sample(frac=1.0, random_state=1), ["usage", "seats"])
    for model in (second, shuffled):
        assert feature_importance(model).equals(feature_importance(first))
        assert model.intercept == first.intercept
        assert score(model, training).equals(score(first, training))


def test_fit_refuses_a_single_class() -> None:
    frame = frame_of({"usage": [1.0, 2.0, 3.0], LABEL: [0.0, 0.0, 0.0]})
    with pytest.raises(ValueError, match=r"single class: all 3 labels of is_churned_90d are 0\.0"):
        fit(frame, ["usage"])


def test_fit_refuses_an_entirely_null_feature(training: pd.DataFrame) -> None:
    frame = training.assign(nps=np.nan)
    with pytest.raises(ValueError, match=r"entirely null in the training set: \['nps'\]"):
        fit(frame, ["usage", "nps"])


def test_fit_refuses_missing_columns_and_unlabelled_rows(training: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"training frame lacks required column\(s\) \['csat'\]"):
        fit(training, ["usage", "csat"])
    with pytest.raises(ValueError, match="1 training row"):
        fit(training.assign(**{LABEL: training[LABEL].where(training.index != 0)}), ["usage"])
    with pytest.raises(ValueError, match="must not include keys or the label"):
        fit(training, ["usage", LABEL])
    with pytest.raises(ValueError, match="duplicated"):
        fit(pd.concat([training, training.head(1)]), ["usage"])


# --- score and missing values ----------------------------------------------------------------


def test_missing_value_is_imputed_with_the_median_not_zero() -> None:
    # No gaps in training: the missing indicator is constant there and gets a zero weight, so a
    # missing usage scores exactly like the median usage (20), not like usage 0.
    train = frame_of(
        {"usage": [5.0, 10.0, 15.0, 20.0, 20.0, 25.0, 30.0, 35.0],
         LABEL: [1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0]}
    )  # fmt: skip
    model = fit(train, ["usage"])
    assert feature_importance(model)["median"].tolist() == [20.0]
    probe = frame_of({"usage": [np.nan, 20.0, 0.0]}, date="2025-06-30")
    p = score(model, probe)
    assert p.iloc[0] == pytest.approx(p.iloc[1], abs=1e-12)
    assert p.iloc[0] != pytest.approx(p.iloc[2], abs=1e-6)


def test_missingness_seen_in_training_moves_the_score() -> None:
    # Every account with no NPS churned: missing NPS must raise the risk, not read as NPS 0.
    nps = [np.nan, np.nan, np.nan, 9.0, 8.0, 7.0, 9.0, 3.0, 8.0, 2.0]
    churned = [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0]
    model = fit(frame_of({"nps": nps, LABEL: churned}), ["nps"])
    median = feature_importance(model)["median"].iloc[0]
    p = score(model, frame_of({"nps": [np.nan, median]}))
    assert p.iloc[0] > p.iloc[1]


def test_score_is_a_probability_aligned_with_the_index(training: pd.DataFrame) -> None:
    model = fit(training, ["usage", "seats"])
    frame = training.set_index(pd.Index(range(100, 140)))
    p = score(model, frame)
    assert p.index.equals(frame.index)
    assert ((p >= 0.0) & (p <= 1.0)).all()


# --- risk_band -------------------------------------------------------------------------------


def test_risk_band_bounds_are_lower_inclusive() -> None:
    p = pd.Series([0.0, 0.0999, 0.10, 0.2499, 0.25, 1.0], index=list("abcdef"))
    bands = risk_band(p)
    assert bands.tolist() == ["low", "low", "medium", "medium", "high", "high"]
    assert bands.index.equals(p.index)
    assert risk_band([0.2, 0.3], thresholds=(0.3, 0.5)).tolist() == ["low", "medium"]
    with pytest.raises(ValueError, match="0 <= a < b <= 1"):
        risk_band([0.5], thresholds=(0.25, 0.10))
    with pytest.raises(ValueError, match="missing"):
        risk_band([0.5, np.nan])


# --- explain ---------------------------------------------------------------------------------


def test_explain_returns_top_n_drivers_with_the_right_direction(separable: pd.DataFrame) -> None:
    model = fit(separable, ["usage", "noise"])
    drivers = explain(model, separable, top_n=2)
    assert list(drivers.columns) == [
        "account_id", "observation_date", "driver_rank", "feature", "feature_value",
        "contribution", "direction",
    ]  # fmt: skip
    assert len(drivers) == 2 * len(separable)
    assert (drivers.groupby("account_id")["driver_rank"].apply(list) == [[1, 2]] * 20).all()
    top = drivers[drivers["driver_rank"] == 1].set_index("account_id")
    # Usage is the top driver of every row; low usage (acc_00, 10) raises the risk.
    assert set(top["feature"]) == {"usage"}
    assert top.loc["acc_00", "direction"] == "raises risk"
    assert top.loc["acc_00", "contribution"] > 0
    assert top.loc["acc_19", "direction"] == "lowers risk"
    assert top.loc["acc_19", "contribution"] < 0
    assert top.loc["acc_19", "feature_value"] == 200.0
    # Ordered by absolute contribution within each observation.
    pivot = drivers.pivot(index="account_id", columns="driver_rank", values="contribution")
    assert (pivot[1].abs() >= pivot[2].abs()).all()
    one = explain(model, separable, top_n=1)
    assert len(one) == len(separable)
    with pytest.raises(ValueError, match="top_n must be between 1 and 2"):
        explain(model, separable, top_n=3)


def test_contributions_add_up_to_the_log_odds(training: pd.DataFrame) -> None:
    model = fit(training, ["usage", "seats"])
    p = score(model, training).to_numpy()
    total = contributions(model, training).sum(axis=1).to_numpy() + model.intercept
    np.testing.assert_allclose(total, np.log(p / (1 - p)), rtol=1e-9, atol=1e-9)
    drivers = explain(model, training, top_n=2)
    missing = drivers[(drivers["account_id"] == "acc_03") & (drivers["feature"] == "usage")]
    assert missing["feature_value"].isna().all()


def test_explain_breaks_ties_by_feature_name(separable: pd.DataFrame) -> None:
    # Two identical columns get identical weights: the tie goes to the name first in order.
    frame = separable.assign(b_usage=separable["usage"], a_usage=separable["usage"])
    model = fit(frame, ["b_usage", "a_usage"])
    drivers = explain(model, frame, top_n=2)
    assert (drivers.loc[drivers["driver_rank"] == 1, "feature"] == "a_usage").all()
    assert (drivers.loc[drivers["driver_rank"] == 2, "feature"] == "b_usage").all()


# --- evaluate --------------------------------------------------------------------------------


def test_auc_of_a_perfect_and_a_reversed_ranking() -> None:
    y = [0, 0, 1, 0, 1]
    assert evaluate(y, [0.1, 0.2, 0.9, 0.3, 0.8]).roc_auc == 1.0
    assert evaluate(y, [0.9, 0.8, 0.1, 0.7, 0.2]).roc_auc == 0.0
    assert evaluate([0, 0, 0], [0.1, 0.2, 0.3]).roc_auc is None


def test_top_decile_lift_precision_and_recall_by_hand() -> None:
    # 20 rows, 4 churners (rate 0.2). Top decile = ceil(20 / 10) = 2 rows. Rows 2 and 5 tie
    # with row 0 at 0.9; position breaks the tie, so the top decile is rows 0 and 2.
    y = [0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    s = [0.9, 0.1, 0.9, 0.2, 0.3, 0.9, 0.1, 0.1, 0.2, 0.8, 0.1, 0.1, 0.2, 0.3, 0.1, 0.1,
         0.2, 0.1, 0.1, 0.4]  # fmt: skip
    result = evaluate(y, s)
    assert result.n == 20 and result.positives == 4 and result.top_decile_n == 2
    # Top decile: rows 0 (no churn) and 2 (churn) -> rate 0.5; lift = 0.5 / 0.2 = 2.5.
    assert result.top_decile_lift == pytest.approx(2.5)
    # Default flag = the top decile: 1 of 2 flagged churned; 1 of 4 churners flagged.
    assert result.flagged == 2
    assert result.precision == pytest.approx(0.5) and result.recall == pytest.approx(0.25)
    flag = [v >= 0.8 for v in s]  # rows 0, 2, 5, 9: three churners out of four flagged
    explicit = evaluate(y, s, at_risk=flag)
    assert explicit.precision == pytest.approx(0.75) and explicit.recall == pytest.approx(0.75)
    assert evaluate([0] * 29 + [1], [0.5] * 30).top_decile_n == 3  # not 4 (float 0.1 * 30)


def test_brier_score_by_hand() -> None:
    result = evaluate([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.4])
    # (0.1^2 + 0.2^2 + 0.4^2 + 0.4^2) / 4 = (0.01 + 0.04 + 0.16 + 0.16) / 4
    assert result.brier_score == pytest.approx(0.0925)
    assert evaluate([1, 0], [3.0, 1.0], scores_are_probabilities=False).brier_score is None
    with pytest.raises(ValueError, match="outside"):
        evaluate([1, 0], [3.0, 1.0])


def test_calibration_bins_cover_every_row() -> None:
    rng = np.random.default_rng(3)
    s = rng.random(37)
    y = (rng.random(37) < s).astype(float)
    bins = evaluate(y, s).calibration
    assert [b.decile for b in bins] == list(range(1, 11))
    assert sum(b.n for b in bins) == 37
    assert bins[-1].n == 4  # the highest bin is the top decile, ceil(37 / 10)
    assert bins[-1].mean_score == pytest.approx(np.sort(s)[-4:].mean())
    assert [b.mean_score for b in bins] == sorted(b.mean_score for b in bins)
    assert sum(b.observed_rate * b.n for b in bins) == pytest.approx(y.sum())
    small = evaluate([1, 0, 1], [0.7, 0.2, 0.6]).calibration
    assert sum(b.n for b in small) == 3
    frame = evaluate(y, s).calibration_frame()
    assert list(frame.columns) == ["decile", "n", "mean_score", "observed_rate"]


def test_health_score_is_evaluated_as_a_risk_score() -> None:
    health = [95.0, 72.0, 70.0, 69.99, 40.0]
    churned = [0, 0, 0, 1, 1]
    result = evaluate_health_score(churned, health)
    assert result.roc_auc == 1.0  # lower health ranks as riskier
    assert result.flagged == 2  # 69.99 and 40 (orange, red); 70.00 is yellow
    assert result.precision == 1.0 and result.recall == 1.0
    assert result.brier_score is None
    assert result.calibration[-1].mean_score == pytest.approx(0.60)  # (100 - 40) / 100
    assert result.summary()["flagged"] == 2


# --- benchmark -------------------------------------------------------------------------------


def test_synthetic_frame_is_deterministic_and_benchmark_runs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert synthetic_frame(500, seed=1).equals(synthetic_frame(500, seed=1))
    assert benchmark_main(["--synthetic", "600"]) == 0
    assert "fit_s=" in capsys.readouterr().out


def test_pipeline_cutoff_and_feature_columns() -> None:
    """The cut-off leaves churn_model_test_days of labelled observations before the last
    observed horizon; keys, dates and the label are never features."""

    from cs_analytics.churn.pipeline import ChurnSettings, feature_columns

    settings = ChurnSettings(as_of_date=dt.date(2026, 10, 31), horizon_days=90, test_days=180)
    assert settings.cutoff_date == dt.date(2026, 2, 3)
    frame = pd.DataFrame(
        columns=["observation_id", "account_id", "observation_date", "month_start_date",
                 "is_churned_90d", "seats", "health_score"]
    )  # fmt: skip
    assert feature_columns(frame) == ["health_score", "seats"]


def test_pipeline_drops_features_null_on_every_row() -> None:
    """A feature null on every row (measured from a raw table declared absent) leaves the
    model before fit: both dbt models' outputs equal those without the column, never a crash."""
    from cs_analytics.churn.pipeline import ChurnSettings, evaluation, risk_scores

    frame = synthetic_frame(2_400, n_features=6, seed=3)
    frame["health_score"] = np.random.default_rng(3).uniform(0, 100, len(frame)).round(2)
    # As DuckDB hands them over: an all-null decimal arrives as objects, an int as nullable.
    absent = frame.assign(
        nps_average=pd.Series([None] * len(frame), dtype=object),
        escalations_90d=pd.array([pd.NA] * len(frame), dtype="Int64"),
    )
    settings = ChurnSettings(as_of_date=dt.date(2026, 10, 31))
    scores = risk_scores(absent, settings)
    assert len(scores) == 100
    pd.testing.assert_frame_equal(scores, risk_scores(frame, settings))
    drivers = scores.filter(like="_feature").stack().unique()
    assert not {"nps_average", "escalations_90d"} & set(drivers)
    pd.testing.assert_frame_equal(evaluation(absent, settings), evaluation(frame, settings))
