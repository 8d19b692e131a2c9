"""The data generator: determinism, the raw contract, defect rates and realistic structure."""

from __future__ import annotations

import datetime as dt
import filecmp
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import yaml

from cs_analytics.contract import CONTRACT, all_tables, generated_tables
from cs_analytics.generator import DEFAULT_DEFECT_RATES, GeneratorConfig, generate
from cs_analytics.generator.cli import main
from cs_analytics.generator.writer import arrow_schema

from .conftest import DEMO_ARGS, PROJECT_DIR


def connect(folder: Path) -> duckdb.DuckDBPyConnection:
    """Views over the generated CSVs, read with the contract's types (fails on a bad value)."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")  # naive timestamps are UTC, as in the profile
    for table, types in generated_tables().items():
        cols = ", ".join(f"'{c}': '{t}'" for c, t in types.items())
        con.execute(
            f"create view {table} as select * from read_csv('{folder / table}.csv', "
            f"header=true, columns={{{cols}}}, nullstr='', auto_detect=false)"
        )
    return con


def query(folder: Path, sql: str) -> list[tuple]:
    return connect(folder).execute(sql).fetchall()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    config = GeneratorConfig(accounts=40, seed=11)
    generate(config, tmp_path / "a", "csv")
    generate(config, tmp_path / "b", "csv")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) == len(generated_tables())
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert mismatch == [] and errors == [] and sorted(match) == names


def test_chunking_does_not_change_output(tmp_path: Path) -> None:
    generate(GeneratorConfig(accounts=30, seed=3, chunk_accounts=30), tmp_path / "one", "csv")
    generate(GeneratorConfig(accounts=30, seed=3, chunk_accounts=4), tmp_path / "many", "csv")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "one", tmp_path / "many", names, False)
    assert mismatch == [] and errors == []


def test_other_seed_other_data(tmp_path: Path) -> None:
    generate(GeneratorConfig(accounts=20, seed=1), tmp_path / "a", "csv")
    generate(GeneratorConfig(accounts=20, seed=2), tmp_path / "b", "csv")
    a = (tmp_path / "a" / "product_events.csv").read_bytes()
    b = (tmp_path / "b" / "product_events.csv").read_bytes()
    assert a != b


def test_committed_seeds_are_the_generator_output(tmp_path: Path) -> None:
    """seeds/*.csv is exactly what `make seeds` writes: nobody edited the demo data by hand."""
    args = [f"--{k.replace('_', '-')}={v}" for k, v in DEMO_ARGS.items()]
    assert main([*args, "--format=csv", f"--output-dir={tmp_path}"]) == 0
    names = sorted(f"{t}.csv" for t in generated_tables())
    _, mismatch, errors = filecmp.cmpfiles(tmp_path, PROJECT_DIR / "seeds", names, False)
    assert mismatch == [] and errors == []


def test_csv_headers_and_types_follow_the_contract(generated: Path) -> None:
    for table, types in generated_tables().items():
        header = (generated / f"{table}.csv").read_text().splitlines()[0].split(",")
        assert header == list(types), table
        con = connect(generated)
        described = con.execute(f"describe {table}").fetchall()
        # DuckDB spells timestamptz out in full.
        spelled = [
            (r[0], r[1].lower().replace("timestamp with time zone", "timestamptz"))
            for r in described
        ]
        assert spelled == list(types.items()), table
        assert con.execute(f"select count(*) from {table}").fetchone()[0] > 0, table


def test_parquet_schema_follows_the_contract(tmp_path: Path) -> None:
    generate(GeneratorConfig(accounts=12, seed=5, chunk_accounts=5), tmp_path, "parquet")
    for table in generated_tables():
        parts = sorted((tmp_path / table).glob("part-*.parquet"))
        assert parts, table
        for part in parts:
            assert pq.read_schema(part).remove_metadata() == arrow_schema(table), table
    assert len(list((tmp_path / "product_events").glob("*.parquet"))) == 3  # 12 accounts / 5


def test_seed_column_types_match_the_contract() -> None:
    declared = yaml.safe_load((PROJECT_DIR / "seeds" / "_seeds.yml").read_text())
    types = {s["name"]: s["config"]["column_types"] for s in declared["seeds"]}
    assert types == all_tables()


def test_source_columns_match_the_contract() -> None:
    """The sources YAML lists, for every raw table, exactly the columns of contract.py."""
    declared = {}
    for path in sorted((PROJECT_DIR / "models" / "staging").glob("*/_*__sources.yml")):
        for source in yaml.safe_load(path.read_text())["sources"]:
            for table in source["tables"]:
                declared[table["name"]] = [column["name"] for column in table.get("columns", [])]
    contract = {table: list(columns) for table, columns in all_tables().items()}
    assert {t: sorted(c) for t, c in declared.items()} == {
        t: sorted(c) for t, c in contract.items()
    }


def share(folder: Path, sql: str) -> tuple[float, int]:
    hits, total = query(folder, sql)[0]
    return hits / total, total


@pytest.mark.parametrize(
    ("defect", "sql"),
    [
        (
            "duplicate_event",
            "select count(*) - count(distinct event_id), count(distinct event_id) "
            "from product_events",
        ),
        (
            "late_event",
            "select count(*) filter (where received_at - occurred_at >= interval 1 day), "
            "count(*) from product_events",
        ),
        (
            "orphan_event_account",
            "select count(*) filter (where account_id not in "
            "(select account_id from crm_accounts)), count(*) from product_events",
        ),
        (
            "orphan_ticket_account",
            "select count(*) filter (where account_id not in "
            "(select account_id from crm_accounts)), count(*) from crm_support_tickets",
        ),
        (
            "orphan_invoice_account",
            "select count(*) filter (where account_id not in "
            "(select account_id from crm_accounts)), count(*) from billing_invoices",
        ),
        (
            "negative_invoice_amount",
            "select count(*) filter (where amount_due < 0), count(*) from billing_invoices",
        ),
        (
            "missing_email",
            "select count(*) filter (where email is null), count(*) from "
            "(select email from crm_contacts union all select email from product_users)",
        ),
        (
            "malformed_email",
            "select count(*) filter (where not regexp_full_match(email, "
            "'[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\\.[a-z]+')), count(*) from "
            "(select email from crm_contacts union all select email from product_users)",
        ),
    ],
)
def test_defect_rates_are_as_documented(generated: Path, defect: str, sql: str) -> None:
    observed, n = share(generated, sql)
    expected = DEFAULT_DEFECT_RATES[defect]
    # Binomial tolerance: five standard errors, plus a little for the absolute floor.
    tolerance = 5 * (expected * (1 - expected) / n) ** 0.5 + 0.0005
    assert abs(observed - expected) <= tolerance, (defect, observed, expected, n)
    assert observed > 0, f"{defect}: no defect injected at all"


def test_business_structure_is_realistic(generated: Path) -> None:
    currencies = query(generated, "select count(distinct upper(currency)) from billing_invoices")
    assert currencies[0][0] >= 3
    plans = query(
        generated,
        "select count(distinct plan_id), count(distinct p.billing_interval), "
        "count(*) filter (where discount_percent > 0) from billing_subscriptions s "
        "join billing_plans p using (plan_id)",
    )[0]
    assert plans[0] >= 6 and plans[1] == 2 and plans[2] > 0
    churned, reactivated, expanded = query(
        generated,
        """
        with s as (
            select *, lag(ended_at) over (partition by account_id order by started_at) as prev_end,
                lag(quantity) over (partition by account_id order by started_at) as prev_qty
            from billing_subscriptions
        )
        select count(distinct account_id) filter (where cancel_reason is not null),
            count(*) filter (where started_at > prev_end + interval 28 day),
            count(*) filter (where started_at = prev_end and quantity > prev_qty)
        from s
        """,
    )[0]
    assert churned >= 10 and reactivated >= 1 and expanded >= 5
    open_ended = query(
        generated, "select count(*) from billing_subscriptions where ended_at is null"
    )
    assert open_ended[0][0] > 0
    for table, column in [
        ("crm_contacts", "left_company_at"),
        ("crm_interventions", "trigger_reason"),
        ("crm_opportunities", "opportunity_type"),
        ("crm_milestones", "milestone_type"),
        ("crm_support_tickets", "is_escalated"),
    ]:
        assert query(generated, f"select count(distinct {column}) from {table}")[0][0] >= 2


def test_demo_billing_is_one_per_seat_base_price_per_period(generated: Path) -> None:
    """The demo writes the billing item columns with their defaults (every price per seat, a
    base plan, every 1 interval; no discount amount, no billed amount), so the demo marts are
    those of a single-item contract."""
    plans = query(
        generated,
        "select count(*) filter (where interval_count = 1 and price_kind = 'per_seat' "
        "and not is_add_on), count(*) from billing_plans",
    )[0]
    assert plans[0] == plans[1] == 18
    items = query(
        generated,
        "select count(discount_amount), count(billed_amount), count(*) from billing_subscriptions",
    )[0]
    assert items[:2] == (0, 0) and items[2] > 0


CONSISTENCY_CHECKS = {
    "subscription_ends_before_start": (
        "select count(*) from billing_subscriptions where ended_at <= started_at"
    ),
    "user_deactivated_before_created": (
        "select count(*) from product_users where deactivated_at < created_at"
    ),
    "overlapping_subscription_rows": (
        "select count(*) from billing_subscriptions a join billing_subscriptions b "
        "on a.account_id = b.account_id and a.subscription_id < b.subscription_id "
        "and a.started_at < coalesce(b.ended_at, timestamp '9999-12-31') "
        "and b.started_at < coalesce(a.ended_at, timestamp '9999-12-31')"
    ),
    "play_closed_or_acted_before_opened": (
        "select count(*) from crm_interventions where closed_at < opened_at "
        "or first_action_at < opened_at"
    ),
    "ticket_answered_before_created": (
        "select count(*) from crm_support_tickets where solved_at < created_at "
        "or first_response_at < created_at"
    ),
    "invoices_on_or_after_row_end": (
        "select count(*) from billing_invoices i join billing_subscriptions s using "
        "(subscription_id) where s.ended_at is not null and i.invoice_date >= cast(s.ended_at "
        "as date)"
    ),
    "invoices_before_row_start": (
        "select count(*) from billing_invoices i join billing_subscriptions s using "
        "(subscription_id) where i.invoice_date < cast(s.started_at as date)"
    ),
    "overlapping_billed_periods": (
        "with p as ( select i.account_id, i.invoice_id, i.invoice_date as ps, i.invoice_date + "
        "case when pl.billing_interval = 'month' then interval 1 month else interval 1 year end "
        "as pe from billing_invoices i join billing_subscriptions s using (subscription_id) "
        "join billing_plans pl using (plan_id) where i.billing_reason in "
        "('subscription_create','subscription_cycle') ) select count(*) from p a join p b on "
        "a.account_id = b.account_id and a.invoice_id < b.invoice_id and a.ps < b.pe and b.ps < "
        "a.pe"
    ),
    "plays_opened_while_inactive": (
        "select count(*) from crm_interventions v where not exists (select 1 from "
        "billing_subscriptions s where s.account_id = v.account_id and s.started_at <= "
        "v.opened_at and coalesce(s.ended_at, timestamp '2099-01-01') > v.opened_at)"
    ),
    "events_outside_user_life": (
        "select count(*) from product_events e join product_users u using (user_id) where "
        "e.occurred_at < u.created_at or e.occurred_at >= coalesce(u.deactivated_at, timestamp "
        "'2099-01-01')"
    ),
    "events_outside_subscription": (
        "select count(*) from product_events e where e.account_id in (select account_id from "
        "crm_accounts) and not exists (select 1 from billing_subscriptions s where s.account_id "
        "= e.account_id and s.started_at <= e.occurred_at and coalesce(s.ended_at, timestamp "
        "'2099-01-01') > e.occurred_at)"
    ),
    "contacts_after_as_of": (
        "select count(*) from crm_contacts where created_at > timestamp '2026-11-01'"
    ),
    "contacts_leave_before_created": (
        "select count(*) from crm_contacts where left_company_at < created_at"
    ),
    "facts_by_contact_outside_life": (
        "select (select count(*) from crm_activities a join crm_contacts c using (contact_id) "
        "where a.occurred_at < c.created_at or a.occurred_at > coalesce(c.left_company_at, "
        "timestamp '2099-01-01')) + (select count(*) from crm_support_tickets a join "
        "crm_contacts c using (contact_id) where a.created_at < c.created_at or a.created_at > "
        "coalesce(c.left_company_at, timestamp '2099-01-01')) + (select count(*) from "
        "crm_nps_responses a join crm_contacts c using (contact_id) where a.submitted_at < "
        "c.created_at or a.submitted_at > coalesce(c.left_company_at, timestamp '2099-01-01'))"
    ),
    "activities_while_inactive": (
        "select count(*) from crm_activities v where not exists (select 1 from "
        "billing_subscriptions s where s.account_id = v.account_id and s.started_at <= "
        "v.occurred_at and coalesce(s.ended_at, timestamp '2099-01-01') > v.occurred_at)"
    ),
    "won_expansion_without_row_change": (
        "select count(*) from crm_opportunities o where opportunity_type = 'expansion' and "
        "is_won and not exists (select 1 from billing_subscriptions s where s.account_id = "
        "o.account_id and cast(s.started_at as date) = o.close_date)"
    ),
    "opps_created_before_account": (
        "select count(*) from crm_opportunities o join crm_accounts a using (account_id) where "
        "o.created_at < a.created_at"
    ),
}


@pytest.mark.parametrize("check", sorted(CONSISTENCY_CHECKS))
def test_facts_are_consistent(generated: Path, check: str) -> None:
    """Defects are only the documented ones: billing follows the subscription rows, facts
    happen while the account, user or contact exists, opportunities match the changes."""
    assert query(generated, CONSISTENCY_CHECKS[check]) == [(0,)]


def test_health_drives_usage_and_churn(generated: Path) -> None:
    """Churned accounts were using the product less in their last 60 days than retained ones."""
    rows = query(
        generated,
        """
        with ranked as (
            select *, row_number() over (partition by account_id order by started_at desc) as rn
            from billing_subscriptions
        ),
        last_sub as (
            select account_id, cancel_reason is not null as churned,
                coalesce(ended_at, timestamp '2026-10-31') as last_day
            from ranked where rn = 1
        ),
        users as (select account_id, count(*) as n_users from product_users group by all),
        usage as (
            select l.account_id, l.churned,
                count(*) filter (where e.event_name = 'workflow_completed') * 1.0
                / nullif(count(*) filter (where e.event_name = 'workflow_started'), 0)
                    as completion,
                count(*) * 1.0 / any_value(u.n_users) as per_user
            from last_sub l
            join users u on u.account_id = l.account_id
            join product_events e on e.account_id = l.account_id
                and e.occurred_at between l.last_day - interval 60 day and l.last_day
            group by l.account_id, l.churned
        )
        select churned, avg(completion), avg(per_user), count(*) from usage group by churned
        """,
    )
    by = {r[0]: r for r in rows}
    assert by[True][3] >= 5
    assert by[True][1] < by[False][1]
    assert by[True][2] < by[False][2]


def test_contract_covers_spec_tables() -> None:
    assert set(CONTRACT) == {"product", "crm", "billing", "reference"}
    assert len(all_tables()) == 18
    assert len(generated_tables()) == 16


def test_cli_rejects_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    code = main(["--start-date=2024-11-15", f"--output-dir={tmp_path}"])
    assert code == 2
    assert "first day of a month" in capsys.readouterr().err


def test_window_end_is_as_of_date() -> None:
    project = yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text())
    config = GeneratorConfig(start_date=dt.date.fromisoformat(DEMO_ARGS["start_date"]))
    assert str(config.end_date) == project["vars"]["as_of_date"]
