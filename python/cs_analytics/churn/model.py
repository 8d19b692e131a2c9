"""The churn-risk model of SPEC section 7: out-of-time split, fit, score, risk bands, drivers.

Frame contract (pandas): one row per account per observation date with

- ``account_id`` (str) and ``observation_date`` (datetime64 or ``datetime.date``), unique together;
- numeric feature columns (float, int or bool; NaN / NA means unknown, never zero);
- the label ``is_churned_90d``: 1.0 churned within the horizon, 0.0 did not, NaN while the
  horizon is not yet fully observed.

The model is a scikit-learn pipeline: median imputation plus one missing indicator per feature,
standardisation, and an L2 logistic regression (lbfgs). It is deterministic: the same training
rows, in any order, give the same coefficients and scores.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import MissingIndicator, SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

ACCOUNT_ID = "account_id"
OBSERVATION_DATE = "observation_date"
LABEL = "is_churned_90d"
KEY_COLUMNS = (ACCOUNT_ID, OBSERVATION_DATE)
DEFAULT_HORIZON_DAYS = 90
DEFAULT_SEED = 42
# Upper bound of the low band and lower bound of the high band (probabilities).
DEFAULT_RISK_THRESHOLDS = (0.10, 0.25)
RAISES_RISK = "raises risk"
LOWERS_RISK = "lowers risk"
NO_EFFECT = "no effect"
# lbfgs on standardised features converges in tens of iterations; this is a safety margin.
MAX_ITER = 1_000

DateLike = dt.date | str | pd.Timestamp


class OutOfTimeSplit(NamedTuple):
    """Training and test rows of an out-of-time split (unpacks as ``train, test``)."""

    train: pd.DataFrame
    test: pd.DataFrame


@dataclass(frozen=True, eq=False)
class ChurnModel:
    """A fitted churn model: the scikit-learn pipeline and what it was fitted on."""

    pipeline: Pipeline
    feature_columns: tuple[str, ...]
    label_column: str
    seed: int
    n_train: int
    n_positive: int

    @property
    def intercept(self) -> float:
        """Log-odds of churn of an account at the training mean of every standardised input."""
        return float(self.pipeline.named_steps["logit"].intercept_[0])


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise a ValueError naming the columns of ``columns`` that ``frame`` lacks."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} lacks required column(s) {missing}")


def observation_dates(frame: pd.DataFrame) -> pd.Series:
    """``observation_date`` as datetime64; raises if a date is missing."""
    dates = pd.to_datetime(frame[OBSERVATION_DATE])
    if dates.isna().any():
        raise ValueError(f"{int(dates.isna().sum())} row(s) have no {OBSERVATION_DATE}")
    return dates


def split_out_of_time(
    frame: pd.DataFrame,
    cutoff_date: DateLike,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    label_column: str = LABEL,
) -> OutOfTimeSplit:
    """Split labelled observations at ``cutoff_date`` so that no training label peeks past it.

    A label observed on day d describes days d+1 .. d+horizon_days. Training rows are labelled
    observations with ``observation_date < cutoff`` and ``observation_date + horizon_days <=
    cutoff``: every day their label depends on is known on the cut-off date, the date of the
    earliest test observation. Test rows are labelled observations with ``observation_date >=
    cutoff``. Labelled observations in the gap (their horizon crosses the cut-off) and
    unlabelled observations are in neither set. Rows keep their index and order.
    """
    require_columns(frame, [*KEY_COLUMNS, label_column], "frame")
    if horizon_days < 0:
        raise ValueError(f"horizon_days must be >= 0, got {horizon_days}")
    cutoff = pd.Timestamp(cutoff_date)
    dates = observation_dates(frame)
    labelled = frame[label_column].notna()
    horizon_end = dates + pd.Timedelta(days=horizon_days)
    train = labelled & (dates < cutoff) & (horizon_end <= cutoff)
    test = labelled & (dates >= cutoff)
    return OutOfTimeSplit(frame[train.to_numpy()], frame[test.to_numpy()])


def describe_split(split: OutOfTimeSplit, *, label_column: str = LABEL) -> dict[str, object]:
    """Sizes, positives and first/last observation dates of both sets (None when empty)."""
    summary: dict[str, object] = {}
    for name, part in (("train", split.train), ("test", split.test)):
        dates = observation_dates(part)
        summary[f"{name}_rows"] = len(part)
        summary[f"{name}_positives"] = int((part[label_column] == 1).sum())
        summary[f"{name}_first_date"] = dates.min().date() if len(part) else None
        summary[f"{name}_last_date"] = dates.max().date() if len(part) else None
    return summary


def build_pipeline(seed: int, regularization: float) -> Pipeline:
    """Median imputation + one indicator per feature, standardisation, L2 logistic regression.

    The indicators cover every feature (``features="all"``), so the design does not depend on
    which features happen to have gaps in the training rows. An indicator that is constant in
    training gets a zero coefficient. ``class_weight`` is None: the probabilities stay
    calibrated, which the Brier score, the calibration deciles and the probability risk bands
    rely on; class weighting would inflate them and barely change the ranking (ROC AUC).
    """
    features = FeatureUnion(
        [
            ("median", SimpleImputer(strategy="median")),
            ("missing", MissingIndicator(features="all")),
        ]
    )
    logit = LogisticRegression(
        C=regularization,
        class_weight=None,
        solver="lbfgs",
        max_iter=MAX_ITER,
        random_state=seed,
    )
    return Pipeline([("features", features), ("scale", StandardScaler()), ("logit", logit)])


def fit(
    train: pd.DataFrame,
    feature_columns: Sequence[str],
    *,
    seed: int = DEFAULT_SEED,
    label_column: str = LABEL,
    regularization: float = 1.0,
) -> ChurnModel:
    """Fit the churn model on labelled training rows (e.g. ``split_out_of_time(...).train``).

    Rows are sorted by (account_id, observation_date) first, so the input order does not
    matter. ``regularization`` is scikit-learn's C (inverse L2 strength). Raises ValueError on:
    missing columns, an empty or duplicated feature list, the label or a key used as a feature,
    a non-numeric or infinite feature, duplicated keys, unlabelled rows, labels other than
    0/1, a single class, and a feature column that is entirely null. Raises RuntimeError if
    lbfgs does not converge.
    """
    features = _check_feature_columns(feature_columns, label_column)
    require_columns(train, [*KEY_COLUMNS, label_column, *features], "training frame")
    if train.empty:
        raise ValueError("training frame is empty")
    _check_unique_keys(train, "training frame")
    ordered = train.sort_values(list(KEY_COLUMNS), kind="stable")
    y = _labels(ordered[label_column], label_column)
    classes = np.unique(y)
    if len(classes) < 2:
        raise ValueError(
            f"training set has a single class: all {len(y)} labels of {label_column} are "
            f"{classes[0]:.1f}; a churn model needs churned and retained observations "
            "(move the cut-off or widen the training window)"
        )
    x = feature_matrix(ordered, features)
    all_null = [c for c, column in zip(features, x.T, strict=True) if np.isnan(column).all()]
    if all_null:
        raise ValueError(f"feature column(s) entirely null in the training set: {all_null}")
    pipeline = build_pipeline(seed, regularization)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        try:
            pipeline.fit(x, y)
        except ConvergenceWarning as exc:
            raise RuntimeError(f"logistic regression did not converge: {exc}") from exc
    return ChurnModel(
        pipeline=pipeline,
        feature_columns=features,
        label_column=label_column,
        seed=seed,
        n_train=len(y),
        n_positive=int(y.sum()),
    )


def score(model: ChurnModel, frame: pd.DataFrame) -> pd.Series:
    """Churn probability (0..1) of every row, as a Series aligned with ``frame.index``.

    Only the feature columns are read; missing values are imputed with the training medians
    (and flagged), never read as zero. Unlabelled rows are scored like any other.
    """
    require_columns(frame, model.feature_columns, "frame to score")
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="float64", name="churn_probability")
    x = feature_matrix(frame, model.feature_columns)
    probabilities = model.pipeline.predict_proba(x)[:, 1]
    return pd.Series(probabilities, index=frame.index, name="churn_probability")


def risk_band(
    probabilities: pd.Series | Sequence[float] | np.ndarray,
    thresholds: tuple[float, float] = DEFAULT_RISK_THRESHOLDS,
) -> pd.Series:
    """'low' / 'medium' / 'high' per probability; bounds are lower-inclusive like health tiers.

    With thresholds (a, b): p < a is low, a <= p < b is medium, p >= b is high (so 0.0999 is
    low, 0.10 medium, 0.25 high by default). Keeps the index of a Series input. Raises on a
    missing probability or one outside [0, 1], and unless 0 <= a < b <= 1.
    """
    low, high = thresholds
    if not 0.0 <= low < high <= 1.0:
        raise ValueError(f"risk thresholds must satisfy 0 <= a < b <= 1, got {thresholds}")
    series = probabilities if isinstance(probabilities, pd.Series) else pd.Series(probabilities)
    values = series.to_numpy(dtype="float64", na_value=np.nan)
    if np.isnan(values).any():
        raise ValueError(f"{int(np.isnan(values).sum())} probability value(s) are missing")
    if ((values < 0.0) | (values > 1.0)).any():
        raise ValueError("probabilities must lie in [0, 1]")
    bands = np.where(values >= high, "high", np.where(values >= low, "medium", "low"))
    return pd.Series(bands, index=series.index, name="risk_band", dtype="str")


def contributions(model: ChurnModel, frame: pd.DataFrame) -> pd.DataFrame:
    """Per row and feature, the feature's additive share of the churn log-odds.

    A feature enters the model twice: its (imputed) value and its missing indicator, each
    standardised with the training mean and standard deviation. Its contribution is the sum of
    coefficient x standardised input over both, i.e. its effect relative to an account at the
    training mean. For a missing value that is the effect of missingness (indicator plus the
    imputed median). Contributions plus ``model.intercept`` equal the log-odds exactly.
    Columns are ``model.feature_columns``; the index is ``frame.index``.
    """
    require_columns(frame, model.feature_columns, "frame to explain")
    x = feature_matrix(frame, model.feature_columns)
    return pd.DataFrame(
        _contribution_matrix(model, x), index=frame.index, columns=list(model.feature_columns)
    )


def explain(model: ChurnModel, frame: pd.DataFrame, top_n: int = 3) -> pd.DataFrame:
    """The ``top_n`` drivers of every row's score, in long format, sorted.

    Columns: account_id, observation_date, driver_rank (1..top_n), feature, feature_value
    (NaN when missing), contribution (log-odds, see ``contributions``) and direction
    ('raises risk' when > 0, 'lowers risk' when < 0, 'no effect' when exactly 0). Drivers are
    ranked by absolute contribution, ties broken by feature name; rows are sorted by
    (account_id, observation_date, driver_rank). Exactly ``top_n`` rows per observation;
    raises if ``top_n`` is not between 1 and the number of features or keys are duplicated.
    """
    n_features = len(model.feature_columns)
    if not 1 <= top_n <= n_features:
        raise ValueError(f"top_n must be between 1 and {n_features} (the features), got {top_n}")
    require_columns(frame, [*KEY_COLUMNS, *model.feature_columns], "frame to explain")
    _check_unique_keys(frame, "frame to explain")
    by_name = sorted(range(n_features), key=lambda j: model.feature_columns[j])
    raw = feature_matrix(frame, model.feature_columns)
    x = raw[:, by_name]
    contrib = _contribution_matrix(model, raw)[:, by_name]
    # A stable sort on -|c| of name-ordered columns breaks ties by feature name.
    ranked = np.argsort(-np.abs(contrib), axis=1, kind="stable")[:, :top_n]
    rows = np.repeat(np.arange(len(frame)), top_n)
    cols = ranked.ravel()
    values = contrib[rows, cols]
    names = np.array([model.feature_columns[j] for j in by_name], dtype=object)
    drivers = pd.DataFrame(
        {
            ACCOUNT_ID: frame[ACCOUNT_ID].to_numpy()[rows],
            OBSERVATION_DATE: frame[OBSERVATION_DATE].to_numpy()[rows],
            "driver_rank": np.tile(np.arange(1, top_n + 1), len(frame)),
            "feature": pd.array(names[cols], dtype="str"),
            "feature_value": x[rows, cols],
            "contribution": values,
            "direction": pd.array(_directions(values), dtype="str"),
        }
    )
    return drivers.sort_values(
        [ACCOUNT_ID, OBSERVATION_DATE, "driver_rank"], kind="stable", ignore_index=True
    )


def feature_importance(model: ChurnModel) -> pd.DataFrame:
    """Coefficients per feature (log-odds per training standard deviation), sorted.

    Columns: feature, coefficient (of the imputed value), missing_coefficient (of the missing
    indicator, per standard deviation of the indicator; 0 when the feature had no gaps in
    training) and median (the imputed value). Sorted by |coefficient| descending, then name.
    """
    union = model.pipeline.named_steps["features"]
    medians = union.named_transformers["median"].statistics_
    coef = model.pipeline.named_steps["logit"].coef_[0]
    k = len(model.feature_columns)
    table = pd.DataFrame(
        {
            "feature": pd.array(model.feature_columns, dtype="str"),
            "coefficient": coef[:k],
            "missing_coefficient": coef[k:],
            "median": medians,
        }
    )
    table["abs_coefficient"] = table["coefficient"].abs()
    table = table.sort_values(
        ["abs_coefficient", "feature"], ascending=[False, True], kind="stable", ignore_index=True
    )
    return table.drop(columns="abs_coefficient")


def feature_matrix(frame: pd.DataFrame, features: Sequence[str]) -> np.ndarray:
    """The feature columns as a float64 matrix, NA as NaN; raises on non-numeric or inf."""
    not_numeric = [c for c in features if not pd.api.types.is_numeric_dtype(frame[c])]
    if not_numeric:
        raise ValueError(f"feature column(s) are not numeric: {not_numeric}")
    x = frame.loc[:, list(features)].to_numpy(dtype="float64", na_value=np.nan)
    infinite = [c for c, column in zip(features, x.T, strict=True) if np.isinf(column).any()]
    if infinite:
        raise ValueError(f"feature column(s) hold infinite values: {infinite}")
    return x


def _contribution_matrix(model: ChurnModel, x: np.ndarray) -> np.ndarray:
    """coefficient x standardised input, value and indicator terms summed per feature."""
    union = model.pipeline.named_steps["features"]
    scaler = model.pipeline.named_steps["scale"]
    coef = model.pipeline.named_steps["logit"].coef_[0]
    medians = union.named_transformers["median"].statistics_
    missing = np.isnan(x)
    design = np.hstack([np.where(missing, medians, x), missing.astype("float64")])
    terms = (design - scaler.mean_) / scaler.scale_ * coef
    k = x.shape[1]
    return terms[:, :k] + terms[:, k:]


def _directions(values: np.ndarray) -> np.ndarray:
    return np.where(values > 0, RAISES_RISK, np.where(values < 0, LOWERS_RISK, NO_EFFECT))


def _check_feature_columns(feature_columns: Sequence[str], label_column: str) -> tuple[str, ...]:
    features = tuple(feature_columns)
    if isinstance(feature_columns, str) or not features:
        raise ValueError("feature_columns must be a non-empty list of column names")
    duplicated = sorted({c for c in features if features.count(c) > 1})
    if duplicated:
        raise ValueError(f"feature_columns lists column(s) more than once: {duplicated}")
    forbidden = [c for c in features if c in (*KEY_COLUMNS, label_column)]
    if forbidden:
        raise ValueError(f"feature_columns must not include keys or the label: {forbidden}")
    return features


def _check_unique_keys(frame: pd.DataFrame, what: str) -> None:
    duplicated = frame.duplicated(list(KEY_COLUMNS))
    if duplicated.any():
        first = frame.loc[duplicated, list(KEY_COLUMNS)].iloc[0].tolist()
        raise ValueError(
            f"{what} has {int(duplicated.sum())} duplicated (account_id, observation_date) "
            f"row(s), e.g. {first}"
        )


def _labels(label: pd.Series, label_column: str) -> np.ndarray:
    y = label.to_numpy(dtype="float64", na_value=np.nan)
    if np.isnan(y).any():
        raise ValueError(
            f"{int(np.isnan(y).sum())} training row(s) have no {label_column} (future not yet "
            "observed); use split_out_of_time to select labelled rows"
        )
    invalid = sorted(set(np.unique(y).tolist()) - {0.0, 1.0})
    if invalid:
        raise ValueError(f"{label_column} must be 0 or 1, found {invalid}")
    return y
