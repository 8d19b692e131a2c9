"""Churn-risk model and its evaluation (SPEC section 7), called by the dbt Python models."""

from cs_analytics.churn.evaluation import (
    CalibrationBin,
    EvaluationResult,
    evaluate,
    evaluate_health_score,
)
from cs_analytics.churn.model import (
    ChurnModel,
    OutOfTimeSplit,
    contributions,
    describe_split,
    explain,
    feature_importance,
    fit,
    risk_band,
    score,
    split_out_of_time,
)

__all__ = [
    "CalibrationBin",
    "ChurnModel",
    "EvaluationResult",
    "OutOfTimeSplit",
    "contributions",
    "describe_split",
    "evaluate",
    "evaluate_health_score",
    "explain",
    "feature_importance",
    "fit",
    "risk_band",
    "score",
    "split_out_of_time",
]
