"""Out-of-time evaluation of the churn model and of the plain health score on the same test
observations (SPEC section 7). Thin: the logic is cs_analytics.churn, tested with pytest.
Published, typed under an enforced contract, by the report rpt_churn_model_evaluation."""

import datetime as dt

from cs_analytics.churn.pipeline import ChurnSettings, evaluation


def model(dbt, session):
    dbt.config(materialized="table")
    features = dbt.ref("int_account_months_churn_features").df()
    settings = ChurnSettings(
        as_of_date=dt.date.fromisoformat(str(dbt.config.get("as_of_date"))),
        horizon_days=int(dbt.config.get("churn_horizon_days")),
        test_days=int(dbt.config.get("churn_model_test_days")),
        seed=int(dbt.config.get("churn_model_seed")),
    )
    return evaluation(features, settings)
