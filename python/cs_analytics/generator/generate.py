"""Orchestrates the generator: simulate accounts in chunks, stream events, write every table."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from cs_analytics.contract import CONTRACT
from cs_analytics.generator.config import GeneratorConfig, add_months
from cs_analytics.generator.defects import apply_row_defects
from cs_analytics.generator.events import account_events, to_arrow
from cs_analytics.generator.simulate import (
    Calendar,
    fx_rows,
    kpi_target_rows,
    plan_rows,
    simulate_account,
)
from cs_analytics.generator.writer import TableSink, rows_to_arrow

# Sales and marketing spend per new customer (USD) by segment, before noise.
SEGMENT_CAC_USD = {"smb": 3_000.0, "mid_market": 12_000.0, "enterprise": 45_000.0}


def acquisition_rows(config: GeneratorConfig, won: Counter) -> list[tuple]:
    """Monthly spend and new customers won per segment (spend also in months with no win)."""
    rng = np.random.default_rng([config.seed, 0, 8])
    rows = []
    for m in range(config.months):
        month = add_months(config.start_date, m)
        for segment, cac in SEGMENT_CAC_USD.items():
            n = won.get((m, segment), 0)
            spend = cac * (n + 0.5) * float(np.exp(rng.normal(0, 0.2)))
            rows.append((month, segment, round(spend, 2), n))
    return rows


def generate(config: GeneratorConfig, out_dir: str | Path, fmt: str) -> dict[str, int]:
    """Write every raw table of the contract; return the row count of each."""
    cal = Calendar(config)
    sink = TableSink(Path(out_dir), fmt)
    tables = [t for system in ("product", "crm", "billing") for t in CONTRACT[system]]
    buffers: dict[str, list[tuple]] = {t: [] for t in tables if t != "product_events"}
    counts: Counter = Counter()
    won: Counter = Counter()
    for first in range(1, config.accounts + 1, config.chunk_accounts):
        last = min(first + config.chunk_accounts, config.accounts + 1)
        parts = []
        for number in range(first, last):
            result = simulate_account(config, cal, number)
            rng = np.random.default_rng([config.seed, number, 2])
            rows = apply_row_defects(result.rows, rng, config.defect_rates, config.accounts)
            for table, table_rows in rows.items():
                buffers[table].extend(table_rows)
            won[(result.first_paid_month, result.segment)] += 1
            parts.append((number, account_events(config, result.timeline)))
        events = to_arrow(config, parts)
        counts["product_events"] += events.num_rows
        sink.append("product_events", events)
    sink.close()

    reference = {
        "billing_plans": plan_rows(),
        "fx_rates": fx_rows(config),
        "acquisition_costs": acquisition_rows(config, won),
        "kpi_targets": kpi_target_rows(),
    }
    for table, rows in {**buffers, **reference}.items():
        ordered = rows if table in reference else sorted(rows, key=lambda r: r[0])
        sink.write(table, rows_to_arrow(table, ordered))
        counts[table] = len(rows)
    return dict(sorted(counts.items()))
