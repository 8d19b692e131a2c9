"""Benchmark the generator at scale: time, peak memory and rows, written as chunked Parquet.

``python -m cs_analytics.generator.benchmark --accounts 10000 --output-dir data/large`` prints
the figures; it is a benchmark to read, not a timed test.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from cs_analytics.generator.config import GeneratorConfig
from cs_analytics.generator.generate import generate

# Usage density of the large data set: about 10^8 events for 10,000 accounts over 24 months.
LARGE_USER_ACTIVITY = 5.0
LARGE_EVENTS_PER_SESSION = 4.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output-dir", default="data/large")
    parser.add_argument("--chunk-accounts", type=int, default=250)
    parser.add_argument("--user-activity", type=float, default=LARGE_USER_ACTIVITY)
    parser.add_argument("--events-per-session", type=float, default=LARGE_EVENTS_PER_SESSION)
    args = parser.parse_args(argv)
    config = GeneratorConfig(
        accounts=args.accounts,
        months=args.months,
        seed=args.seed,
        user_activity=args.user_activity,
        events_per_session=args.events_per_session,
        chunk_accounts=args.chunk_accounts,
    )
    started = time.perf_counter()
    counts = generate(config, args.output_dir, "parquet")
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in Path(args.output_dir).rglob("*.parquet"))
    for table, n in counts.items():
        print(f"{table:24s} {n:>14,d}")
    print(f"accounts={config.accounts} months={config.months} chunk={config.chunk_accounts}")
    print(f"events={counts['product_events']:,d} elapsed_s={elapsed:.1f} "
          f"peak_rss_mib={peak_mib:.0f} parquet_mib={size / 2**20:.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
