"""Churn risk per account active at the as-of date (SPEC section 7). Thin: the logic is
cs_analytics.churn, tested with pytest; this model only passes the project's settings and the
feature model. Published, typed under an enforced contract, by the mart fct_churn_risk_scores."""

import datetime as dt

from cs_analytics.churn.pipeline import ChurnSettings, risk_scores


def model(dbt, session):
    dbt.config(materialized="table")
    features = dbt.ref("int_account_months_churn_features").df()
    settings = ChurnSettings(
        as_of_date=dt.date.fromisoformat(str(dbt.config.get("as_of_date"))),
        horizon_days=int(dbt.config.get("churn_horizon_days")),
        test_days=int(dbt.config.get("churn_model_test_days")),
        seed=int(dbt.config.get("churn_model_seed")),
    )
    return risk_scores(features, settings)
