"""The second generator profile, ``product_led``: its raw data (determinism, schema, the shapes
that make it unlike the demo) and the project built on a small sample of it, with numbers
recomputed from the raw files (movements, closing MRR per account-month, seats, health
coverage, churn models)."""

from __future__ import annotations

import datetime as dt
import filecmp
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from cs_analytics import contract
from cs_analytics.generator import GeneratorConfig
from cs_analytics.generator.cli import main
from cs_analytics.generator.product_led import (
    ABSENT_SOURCES,
    VOCABULARY,
    build_vars,
    generate_product_led,
    table_columns,
)
from cs_analytics.generator.product_led_events import EVENT_TAXONOMY

from .conftest import PROJECT_DIR
from .helpers import failed_nodes, fetch, run_dbt

# The sample `make test` builds: small enough to generate and load in seconds, long enough
# (18 months) for the churn models to have labelled observations before and after the cut-off.
SAMPLE = GeneratorConfig(
    accounts=100, months=18, start_date=dt.date(2025, 5, 1), seed=42, user_activity=0.5
)
# A shorter out-of-time test period than the demo's 180 days suits 18 months of history.
SAMPLE_TEST_DAYS = 150
ROLES = {
    "session_start",
    "workflow_started",
    "workflow_completed",
    "api_call",
    "feature_use",
    "value_moment",
}


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """One view per table written, over its Parquet files."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    for table in table_columns():
        con.execute(
            f"create view {table} as select * from read_parquet('{folder}/{table}/*.parquet')"
        )
    return con


def query(folder: Path, sql: str) -> list[tuple]:
    with connect(folder) as con:
        return con.execute(sql).fetchall()


def frame(folder: Path, sql: str) -> pd.DataFrame:
    """A query's result as pandas, decimals as Decimal (exact), timestamps in UTC."""
    with connect(folder) as con:
        return con.sql(sql).to_arrow_table().to_pandas()


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample written as Parquet (what the build reads)."""
    out = tmp_path_factory.mktemp("product_led")
    generate_product_led(SAMPLE, out, "parquet")
    return out


# -- the generator --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_same_seed_same_bytes_and_chunking_does_not_matter(tmp_path: Path, fmt: str) -> None:
    config = GeneratorConfig(accounts=12, months=6, seed=5, chunk_accounts=12)
    generate_product_led(config, tmp_path / "a", fmt)
    generate_product_led(config, tmp_path / "b", fmt)
    chunked = GeneratorConfig(accounts=12, months=6, seed=5, chunk_accounts=5)
    generate_product_led(chunked, tmp_path / "c", fmt)
    files = sorted(str(p.relative_to(tmp_path / "a")) for p in (tmp_path / "a").rglob("*.*"))
    assert len(files) >= len(table_columns())
    for other in ("b", "c"):
        if other == "c" and fmt == "parquet":
            # Chunks are part files: compare the rows, not the files.
            for table in table_columns():
                one = pq.read_table(tmp_path / "a" / table).to_pylist()
                many = pq.read_table(tmp_path / "c" / table).to_pylist()
                assert one == many, table
            continue
        _, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / other, files, False)
        assert mismatch == [] and errors == [], other
    generate_product_led(GeneratorConfig(accounts=12, months=6, seed=6), tmp_path / "d", fmt)
    name = "billing_subscriptions" + ("/part-00000.parquet" if fmt == "parquet" else ".csv")
    assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "d" / name).read_bytes()


def test_writes_every_table_but_the_absent_ones_in_contract_order(sample: Path) -> None:
    written = {p.name for p in sample.iterdir()}
    expected = set(contract.all_tables()) - set(ABSENT_SOURCES)
    assert written == expected
    assert set(ABSENT_SOURCES) == {"crm_nps_responses", "crm_milestones", "crm_activities"}
    for table in written:
        names = pq.read_schema(next((sample / table).glob("*.parquet"))).names
        assert names == list(contract.all_tables()[table]), table
    assert pq.read_schema(sample / "billing_plans" / "part-00000.parquet").names[-3:] == [
        "interval_count",
        "price_kind",
        "is_add_on",
    ]
    assert pq.read_schema(sample / "billing_subscriptions" / "part-00000.parquet").names[-2:] == [
        "discount_amount",
        "billed_amount",
    ]


def test_cli_writes_the_profile(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    args = ["--profile=product_led", "--accounts=3", "--months=4", "--format=parquet"]
    assert main([*args, f"--output-dir={tmp_path}"]) == 0
    out = capsys.readouterr().out
    assert "absent_sources" in out and "read_parquet" in out
    assert (tmp_path / "vocabularies").is_dir() and not (tmp_path / "crm_milestones").exists()


def test_big_accounts_and_heavy_usage(sample: Path) -> None:
    """Accounts of up to 100 live users (some of them large); tens of events per active
    user-day, by a few users a day at least."""
    [(max_live, big_accounts)] = query(
        sample,
        f"""
        with live as (
            select u.account_id, cast(t.d as date) as day, count(*) as n
            from product_users as u
            join range(date '{SAMPLE.start_date}', date '{SAMPLE.end_date}' + 1, interval 7 day)
                as t(d)
                on u.created_at <= t.d and (u.deactivated_at is null or u.deactivated_at > t.d)
            group by all
        )
        select max(n), count(distinct account_id) filter (where n >= 40) from live
        """,
    )
    assert 60 <= max_live <= 100 and big_accounts >= 3
    [(per_user_day, users_per_day)] = query(
        sample,
        """
        with user_days as (
            select account_id, user_id, cast(occurred_at as date) as d, count(*) as n
            from product_events group by all
        )
        select median(n), (select median(k) from (select count(*) as k from user_days
                                                   group by account_id, d))
        from user_days
        """,
    )
    assert per_user_day >= 20 and users_per_day >= 2


def test_plans_have_add_ons_and_three_terms(sample: Path) -> None:
    plans = query(
        sample,
        "select billing_interval, interval_count, price_kind, is_add_on, "
        "count(*), count(plan_tier) from billing_plans group by all order by all",
    )
    terms = {(interval, count) for interval, count, *_ in plans}
    assert terms == {("month", 1), ("month", 6), ("year", 1)}
    kinds = {(kind, add_on): (n, tiers) for _, _, kind, add_on, n, tiers in plans}
    assert set(kinds) == {("per_seat", False), ("per_seat", True), ("flat_fee", True)}
    assert all(tiers == 0 for (_, add_on), (_, tiers) in kinds.items() if add_on)
    assert all(tiers == n for (_, add_on), (n, tiers) in kinds.items() if not add_on)


def test_items_run_side_by_side_with_discounts_and_billed_amounts(sample: Path) -> None:
    """A base item and add-ons live at once; every term and both kinds in use; percent and
    amount discounts; billed amounts that the percent does not reproduce; and the overlap
    rule of the billing contract (base items never overlap, nor items of the same add-on)."""
    items = items_frame(sample)
    assert set(items["term_months"]) == {1, 6, 12}
    assert {"flat_fee", "per_seat"} <= set(items.loc[items["is_add_on"], "price_kind"])
    assert (items.loc[items["price_kind"] == "flat_fee", "quantity"] == 1).all()
    assert items["discount_percent"].notna().sum() >= 5
    assert items["discount_amount"].notna().sum() >= 3
    billed = items[items["billed_amount"].notna()]
    assert len(billed) >= 5
    computed = billed.apply(lambda r: computed_amount(r, use_billed=False), axis=1)
    assert (computed.map(lambda v: v.quantize(Decimal("0.01"))) != billed["billed_amount"]).any()
    add_on_accounts = 0
    for _, rows in items.groupby("account_id"):
        base = rows[~rows["is_add_on"]]
        assert not overlaps(base), base
        for _, same in rows[rows["is_add_on"]].groupby("product"):
            assert not overlaps(same), same
        add_ons = rows[rows["is_add_on"]]
        add_on_accounts += any(
            ((base["started_at"] < a.ended_or_max) & (a.started_at < base["ended_or_max"])).any()
            for a in add_ons.itertuples()
        )
    assert add_on_accounts >= 5


def test_invoices_bill_each_item_per_interval(sample: Path) -> None:
    """Create and cycle invoices bill exactly the item's amount per interval (the negative
    amounts are the documented defect); an update (pro rata) is above 0 and not above it."""
    items = items_frame(sample).set_index("subscription_id")
    invoices = frame(sample, "select * from billing_invoices")
    invoices = invoices[invoices["amount_due"] >= 0]
    expected = invoices["subscription_id"].map(
        items.apply(lambda r: computed_amount(r).quantize(Decimal("0.01")), axis=1)
    )
    full = invoices["billing_reason"] != "subscription_update"
    assert (invoices.loc[full, "amount_due"] == expected[full]).all()
    assert full.sum() > 100
    partial = invoices.loc[~full]
    assert ((partial["amount_due"] > 0) & (partial["amount_due"] <= expected[~full])).all()
    assert len(partial) > 0


def test_taxonomy_maps_every_event_with_every_role(sample: Path) -> None:
    taxonomy = query(
        sample, "select event_name, feature, role, is_core_feature from event_taxonomy"
    )
    assert 20 <= len(taxonomy) <= 25
    assert len({name for name, *_ in taxonomy}) == len(taxonomy)
    assert {role for *_, role, _ in taxonomy if role} == ROLES
    assert any(feature is None for _, feature, _, _ in taxonomy)
    emitted = {name for (name,) in query(sample, "select distinct event_name from product_events")}
    assert emitted == set(EVENT_TAXONOMY)
    # Events whose taxonomy feature is null say where they happened in the raw feature column.
    [(generic_without_feature,)] = query(
        sample,
        "select count(*) from product_events join event_taxonomy using (event_name) "
        "where event_taxonomy.feature is null and role <> 'session_start' "
        "and product_events.feature is null",
    )
    assert generic_without_feature == 0


def test_vocabularies_cover_every_value_written(sample: Path) -> None:
    rows = query(sample, "select domain, value, standard_value from vocabularies")
    assert len({(d, v) for d, v, _ in rows}) == len(rows)
    listed: dict[str, set[str]] = {}
    for domain, value, _ in rows:
        listed.setdefault(domain, set()).add(value)
    for domain, (table, column) in contract.VOCABULARY_COLUMNS.items():
        if table in ABSENT_SOURCES:
            continue
        values = {v for (v,) in query(sample, f"select distinct {column} from {table}") if v}
        assert values and values <= listed[domain], (domain, values - listed[domain])
    standard = {(d, v): s for d, v, s in rows}
    assert standard[("trigger_reason", "cancel_request")] == "cancellation_request"
    assert standard[("ticket_status", "resolved")] == "solved"
    assert set(VOCABULARY["segment"]) == {
        v for (v,) in query(sample, "select distinct segment from crm_accounts")
    }


def test_health_drives_usage_and_churn(sample: Path) -> None:
    """A real churn signal: in the 90 days before they churn, accounts have fewer of their
    users active, and those active do less per day, than retained accounts do."""
    rows = query(
        sample,
        """
        with last_base as (
            select s.account_id, s.cancel_reason is not null as churned,
                coalesce(s.ended_at, timestamp '2026-11-01') as last_at
            from billing_subscriptions as s join billing_plans as p using (plan_id)
            where not p.is_add_on
            qualify row_number() over (partition by s.account_id order by s.started_at desc) = 1
        ),
        usage as (
            select l.account_id, l.churned,
                count(distinct e.user_id) * 1.0 / any_value(u.n) as active_share,
                count(e.event_id) * 1.0
                / nullif(count(distinct (e.user_id, cast(e.occurred_at as date))), 0)
                    as events_per_user_day
            from last_base as l
            join (select account_id, count(*) as n from product_users group by all) as u
                using (account_id)
            left join product_events as e on e.account_id = l.account_id
                and e.occurred_at between l.last_at - interval 90 day and l.last_at
            group by l.account_id, l.churned
        )
        select churned, count(*), avg(active_share), avg(events_per_user_day)
        from usage group by all
        """,
    )
    by = {churned: rest for churned, *rest in rows}
    assert by[True][0] >= 5
    assert by[True][1] < by[False][1]
    assert by[True][2] < by[False][2]


# -- helpers: the billing arithmetic of macro item_term_amount, recomputed from the raw files


def items_frame(folder: Path) -> pd.DataFrame:
    """Subscription item rows with their price: kind, add-on flag, months per interval."""
    items = frame(
        folder,
        """
            select s.*, p.unit_amount, p.currency, p.billing_interval, p.is_add_on,
                coalesce(p.price_kind, 'per_seat') as price_kind,
                coalesce(p.interval_count, 1)
                    * case when p.billing_interval = 'year' then 12 else 1 end as term_months,
                split_part(s.plan_id, '_', 1) as product,
                coalesce(s.ended_at, timestamptz '9999-12-31') as ended_or_max
            from billing_subscriptions as s join billing_plans as p using (plan_id)
            """,
    )
    items["is_add_on"] = items["is_add_on"].fillna(False).astype(bool)
    return items


def computed_amount(item: pd.Series, use_billed: bool = True) -> Decimal:
    """An item's amount per interval (macro item_term_amount)."""
    if use_billed and pd.notna(item["billed_amount"]):
        return Decimal(item["billed_amount"])
    units = item["quantity"] if item["price_kind"] == "per_seat" else 1
    percent = Decimal(0) if pd.isna(item["discount_percent"]) else Decimal(item["discount_percent"])
    amount_off = (
        Decimal(0) if pd.isna(item["discount_amount"]) else Decimal(item["discount_amount"])
    )
    return Decimal(item["unit_amount"]) * units * (1 - percent / 100) - amount_off


def overlaps(rows: pd.DataFrame) -> bool:
    ordered = rows.sort_values("started_at")
    return bool(
        (
            ordered["started_at"].iloc[1:].to_numpy() < ordered["ended_or_max"].iloc[:-1].to_numpy()
        ).any()
    )


def month_end_states(folder: Path) -> pd.DataFrame:
    """Per account and month, from the raw items (issue 11, problem 6): active at the month's
    end boundary T, the closing MRR (items live just before T, if active) and the seats of
    its per-seat base items (add-ons add no seats), in plan currency and in USD at the month's
    rate."""
    items = items_frame(folder)
    items["mrr"] = items.apply(computed_amount, axis=1) / items["term_months"].map(Decimal)
    rates = frame(folder, "select currency, month, rate_to_usd from fx_rates")
    rates = {(c, pd.Timestamp(m)): Decimal(r) for c, m, r in rates.itertuples(index=False)}
    first = pd.Timestamp(SAMPLE.start_date)
    rows = []
    for month in pd.date_range(first, pd.Timestamp(SAMPLE.end_date), freq="MS"):
        boundary = (month + pd.offsets.MonthBegin(1)).tz_localize("UTC")
        started, ended = items["started_at"], items["ended_or_max"]
        live_at = items[(started <= boundary) & (ended > boundary)]
        before = items[(started < boundary) & (ended >= boundary)]
        for account, account_items in before.groupby("account_id"):
            active = account in set(live_at["account_id"])
            mrr = sum(account_items["mrr"], Decimal(0)) if active else Decimal(0)
            per_seat = account_items[
                (account_items["price_kind"] == "per_seat") & ~account_items["is_add_on"]
            ]
            currency = account_items["currency"].iloc[0]
            rows.append(
                {
                    "account_id": account,
                    "month_start_date": month.date(),
                    "closing_mrr": mrr,
                    "closing_mrr_usd": mrr * rates[(currency, month)],
                    "seats": int(per_seat["quantity"].sum()) if active else 0,
                    "all_quantity": int(account_items["quantity"].sum()),
                    "has_flat_fee": bool((account_items["price_kind"] == "flat_fee").any()),
                }
            )
    return pd.DataFrame(rows)


# -- the project built on the sample ---------------------------------------------------------


@pytest.fixture(scope="session")
def built(sample: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project built on the sample through raw_external_location, its missing systems
    declared absent: every model and test must pass."""
    db_path = tmp_path_factory.mktemp("product_led_build") / "warehouse.duckdb"
    dbt_vars = {**build_vars(sample, SAMPLE), "churn_model_test_days": SAMPLE_TEST_DAYS}
    result = run_dbt(
        db_path,
        [
            "build",
            "--exclude",
            "resource_type:seed",
            "--vars",
            json.dumps(dbt_vars),
            "--project-dir",
            str(PROJECT_DIR),
            "--profiles-dir",
            str(PROJECT_DIR),
            "--target",
            "ci",
            "--target-path",
            str(db_path.parent / "target"),
            "--quiet",
        ],
    )
    assert result.success, f"build failed: {result.exception or failed_nodes(result)}"
    yield db_path


def test_movements_sum_to_the_mrr_change_every_month(built: Path) -> None:
    rows = fetch(
        built,
        """
        select month_start_date, sum(movement_amount_usd), sum(closing_mrr_usd),
            count(*) filter (where movement_type = 'churn'),
            count(*) filter (where movement_type = 'new')
        from marts.fct_mrr_movements group by all order by 1
        """,
    )
    assert len(rows) == SAMPLE.months
    previous = Decimal(0)
    for month, movements, closing, *_ in rows:
        assert movements == closing - previous, month
        previous = closing
    assert sum(r[3] for r in rows) >= 5 and sum(r[4] for r in rows) >= 20


def test_closing_mrr_equals_the_raw_items_every_account_month(sample: Path, built: Path) -> None:
    expected = month_end_states(sample).set_index(["account_id", "month_start_date"])
    mart = pd.DataFrame(
        fetch(
            built,
            "select account_id, month_start_date, closing_mrr, closing_mrr_usd, seats "
            "from marts.fct_mrr_movements",
        ),
        columns=["account_id", "month_start_date", "closing_mrr", "closing_mrr_usd", "seats"],
    ).set_index(["account_id", "month_start_date"])
    paying = expected[expected["closing_mrr"] > 0]
    assert paying.index.difference(mart.index).empty
    joined = mart.join(expected, rsuffix="_raw", how="left")
    joined[["closing_mrr_raw", "closing_mrr_usd_raw"]] = joined[
        ["closing_mrr_raw", "closing_mrr_usd_raw"]
    ].fillna(Decimal(0))
    cent = Decimal("0.01")
    off = joined[
        ((joined["closing_mrr"] - joined["closing_mrr_raw"]).abs() > cent)
        | ((joined["closing_mrr_usd"] - joined["closing_mrr_usd_raw"]).abs() > cent)
    ]
    assert off.empty, off.head(10).to_string()
    assert len(joined) >= 300


def test_flat_fee_add_ons_add_mrr_but_no_seats(sample: Path, built: Path) -> None:
    """Seats are the per-seat base items' quantities only: at the account-months where a
    flat-fee add-on is live, the mart's seats leave its quantity out (its MRR is in the closing MRR,
    checked above)."""
    states = month_end_states(sample)
    flat = states[states["has_flat_fee"] & (states["closing_mrr"] > 0)]
    assert len(flat) >= 20
    seats = dict(
        ((a, m), s)
        for a, m, s in fetch(
            built, "select account_id, month_start_date, seats from marts.fct_mrr_movements"
        )
    )
    for row in flat.itertuples():
        assert seats[(row.account_id, row.month_start_date)] == row.seats < row.all_quantity


def test_health_is_scored_for_every_live_account_day(sample: Path, built: Path) -> None:
    """Every account-day with an item live all day long is scored, and only days with an item
    live at some moment of the day are (the first and last days depend on the boundary rule)."""
    scored = set(
        fetch(
            built,
            "select account_id, health_date from marts.fct_account_health_daily "
            "where health_score is not null",
        )
    )
    [(unscored,)] = fetch(
        built, "select count(*) from marts.fct_account_health_daily where health_score is null"
    )
    assert unscored == 0
    days = query(
        sample,
        f"""
        with days as (
            select cast(d as date) as day
            from range(date '{SAMPLE.start_date}', date '{SAMPLE.end_date}' + 1, interval 1 day)
                as t(d)
        )
        select s.account_id, days.day,
            bool_or(s.started_at <= days.day and coalesce(s.ended_at, timestamptz '9999-12-31')
                    >= days.day + 1) as live_all_day
        from billing_subscriptions as s
        join days on s.started_at < days.day + 1
            and coalesce(s.ended_at, timestamptz '9999-12-31') > days.day
        group by all
        """,
    )
    live_all_day = {(a, d) for a, d, whole in days if whole}
    live_some_time = {(a, d) for a, d, _ in days}
    assert live_all_day - scored == set()
    assert scored - live_some_time == set()
    assert len(live_all_day) > 5_000


def test_health_uses_the_taxonomy_roles(built: Path) -> None:
    """The company's own event names feed sessions, workflows and API measures."""
    [(accounts, session_depth, completion, api)] = fetch(
        built,
        f"""
        select count(distinct account_id), count(session_depth), count(workflow_completion_rate),
            count(api_growth)
        from intermediate.int_account_days_health_measures
        where health_date = date '{SAMPLE.end_date}'
        """,
    )
    assert accounts >= 10
    assert session_depth >= accounts * 0.8 and completion >= 3 and api >= 3


def test_both_churn_models_are_built(built: Path) -> None:
    [(scored, live)] = fetch(
        built,
        "select count(*), count(distinct account_id) from marts.fct_churn_risk_scores "
        "where churn_probability between 0 and 1",
    )
    assert scored == live >= 10
    rows = fetch(
        built,
        "select scorer, n, positives, roc_auc, train_rows, train_positives "
        "from marts.rpt_churn_model_evaluation where row_type = 'summary' order by scorer",
    )
    assert [r[0] for r in rows] == ["churn_model", "health_score"]
    for _, n, positives, auc, train_rows, train_positives in rows:
        assert n > 0 and positives > 0 and train_rows > 0 and train_positives > 0
        assert auc is not None and 0 <= auc <= 1
