"""Evaluation of a churn score against observed churn (SPEC section 7, evaluation mart).

``evaluate`` works on any risk score where higher means riskier; ``evaluate_health_score``
adapts the plain health score (lower health = riskier; orange or red = at risk) so the model
and the health score are measured the same way on the same rows.

Ranking conventions, shared by the top decile and the calibration bins: scores are ranked
from highest to lowest, ties broken by position (the earlier row ranks higher), so pass rows
in a fixed order (e.g. sorted by account_id, observation_date) for reproducible figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score

ArrayLike = pd.Series | np.ndarray | Sequence[float]
BoolArrayLike = pd.Series | np.ndarray | Sequence[bool]

HEALTH_SCORE_MAX = 100.0
# Health tiers are lower-inclusive: below 70 is orange (50-69) or red (0-49), i.e. at risk.
HEALTH_AT_RISK_BELOW = 70.0


@dataclass(frozen=True)
class CalibrationBin:
    """One score bin: 1 holds the lowest scores, n_bins the highest."""

    decile: int
    n: int
    mean_score: float
    observed_rate: float


@dataclass(frozen=True)
class EvaluationResult:
    """Discrimination, flag quality and calibration of a score on labelled observations.

    ``None`` marks a measure that is undefined on the data: ROC AUC with a single class, lift
    and recall with no positive, precision with nothing flagged, Brier score for a score that
    is not a probability.
    """

    n: int
    positives: int
    roc_auc: float | None
    top_decile_n: int
    top_decile_lift: float | None
    flagged: int
    precision: float | None
    recall: float | None
    brier_score: float | None
    calibration: tuple[CalibrationBin, ...]

    def summary(self) -> dict[str, float | int | None]:
        """The scalar measures as one flat record (for one row of an evaluation mart)."""
        record = asdict(self)
        del record["calibration"]
        return record

    def calibration_frame(self) -> pd.DataFrame:
        """Calibration bins as a frame: decile, n, mean_score, observed_rate."""
        columns = ["decile", "n", "mean_score", "observed_rate"]
        return pd.DataFrame([asdict(b) for b in self.calibration], columns=columns)


def evaluate(
    y_true: ArrayLike,
    y_score: ArrayLike,
    *,
    at_risk: BoolArrayLike | None = None,
    n_bins: int = 10,
    scores_are_probabilities: bool = True,
) -> EvaluationResult:
    """Evaluate risk scores (higher = riskier) against 0/1 outcomes.

    - ROC AUC: ``sklearn.metrics.roc_auc_score``; None when only one class is present.
    - Top decile: the ceil(n / 10) highest scores (ties by position). Lift = churn rate in the
      top decile / overall churn rate.
    - At-risk flag: ``at_risk`` (booleans, one per row); when None, the flag is "in the top
      decile". Precision = flagged churners / flagged; recall = flagged churners / churners.
    - Brier score: mean (score - outcome)^2, only when ``scores_are_probabilities`` (then
      scores must lie in [0, 1]); otherwise None.
    - Calibration: rows ranked by score are cut into ``n_bins`` bins of equal size (+-1 row),
      the highest bin having ceil(n / n_bins) rows, so with 10 bins it is the top decile. Empty
      bins (n < n_bins) are left out; the bins' n sum to n.

    Raises ValueError on empty or mismatched inputs, missing values, outcomes other than 0/1.
    """
    y = _as_float_array(y_true, "y_true")
    s = _as_float_array(y_score, "y_score")
    n = len(y)
    if n == 0 or len(s) != n:
        raise ValueError(
            f"y_true and y_score must be non-empty and of equal length ({n}, {len(s)})"
        )
    invalid = sorted(set(np.unique(y).tolist()) - {0.0, 1.0})
    if invalid:
        raise ValueError(f"y_true must be 0 or 1, found {invalid}")
    if np.isinf(s).any():
        raise ValueError("y_score holds infinite values")
    if scores_are_probabilities and ((s < 0.0) | (s > 1.0)).any():
        raise ValueError("scores_are_probabilities=True but some scores lie outside [0, 1]")
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1, got {n_bins}")

    positives = int(y.sum())
    order = np.argsort(-s, kind="stable")  # highest first, ties by position
    top_n = -(-n // 10)  # ceil(n / 10) in integers (0.1 * 30 rounds up to 4 in floats)
    top = order[:top_n]
    lift = float(y[top].mean() / y.mean()) if positives else None
    flag = _flag(at_risk, n) if at_risk is not None else np.isin(np.arange(n), top)
    flagged = int(flag.sum())
    hits = int((flag & (y == 1.0)).sum())
    return EvaluationResult(
        n=n,
        positives=positives,
        roc_auc=float(roc_auc_score(y, s)) if 0 < positives < n else None,
        top_decile_n=top_n,
        top_decile_lift=lift,
        flagged=flagged,
        precision=hits / flagged if flagged else None,
        recall=hits / positives if positives else None,
        brier_score=float(np.mean((s - y) ** 2)) if scores_are_probabilities else None,
        calibration=calibration_bins(y, s, order, n_bins),
    )


def evaluate_health_score(
    y_true: ArrayLike,
    health_score: ArrayLike,
    *,
    at_risk_below: float = HEALTH_AT_RISK_BELOW,
    n_bins: int = 10,
) -> EvaluationResult:
    """Evaluate the plain health score (0-100, lower = riskier) like a churn score.

    The risk score is (100 - health) / 100, so the ranking measures (ROC AUC, lift,
    calibration bins) read the same way as the model's; it is not a probability, so the Brier
    score is None and the bins' mean_score is that risk score. The at-risk flag is health <
    ``at_risk_below`` (70: tier orange or red; 70.00 itself is yellow, not at risk).
    Raises on a missing health score or one outside [0, 100].
    """
    health = _as_float_array(health_score, "health_score")
    if ((health < 0.0) | (health > HEALTH_SCORE_MAX)).any():
        raise ValueError("health_score must lie in [0, 100]")
    return evaluate(
        y_true,
        (HEALTH_SCORE_MAX - health) / HEALTH_SCORE_MAX,
        at_risk=health < at_risk_below,
        n_bins=n_bins,
        scores_are_probabilities=False,
    )


def calibration_bins(
    y: np.ndarray, s: np.ndarray, order: np.ndarray, n_bins: int
) -> tuple[CalibrationBin, ...]:
    """Bins of rows ranked by ``order`` (highest score first); bin n_bins is the highest."""
    n = len(y)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    decile = n_bins - (rank * n_bins) // n
    bins = []
    for d in range(1, n_bins + 1):
        members = decile == d
        if members.any():
            bins.append(
                CalibrationBin(
                    decile=d,
                    n=int(members.sum()),
                    mean_score=float(s[members].mean()),
                    observed_rate=float(y[members].mean()),
                )
            )
    return tuple(bins)


def _as_float_array(values: ArrayLike, name: str) -> np.ndarray:
    array = pd.Series(values).to_numpy(dtype="float64", na_value=np.nan)
    if np.isnan(array).any():
        raise ValueError(f"{name} has {int(np.isnan(array).sum())} missing value(s)")
    return array


def _flag(at_risk: BoolArrayLike, n: int) -> np.ndarray:
    flag = _as_float_array(at_risk, "at_risk")
    if len(flag) != n:
        raise ValueError(f"at_risk has {len(flag)} values for {n} observations")
    if not np.isin(flag, (0.0, 1.0)).all():
        raise ValueError("at_risk must be boolean (or 0/1)")
    return flag == 1.0
