"""Benchmark the generator at scale: time, peak memory and rows, written as chunked Parquet.

``python -m cs_analytics.generator.benchmark --accounts 10000 --output-dir data/large`` prints
the figures; it is a benchmark to read, not a timed test.
"""

from __future__ import annotations

import resource
from pathlib import Path

from cs_analytics.generator.cli import build_parser, config_from_args, generate_and_print

# Usage density of the large data set: about 10^8 events for 10,000 accounts over 24 months.
LARGE_USER_ACTIVITY = 5.0
LARGE_EVENTS_PER_SESSION = 4.5


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(
        "cs_analytics.generator.benchmark",
        __doc__,
        output_dir="data/large",
        accounts=10_000,
        format="parquet",
        user_activity=LARGE_USER_ACTIVITY,
        events_per_session=LARGE_EVENTS_PER_SESSION,
    )
    args = parser.parse_args(argv)
    config = config_from_args(args)
    counts, elapsed = generate_and_print(config, args, count_width=14)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = sum(p.stat().st_size for p in Path(args.output_dir).rglob("*.parquet"))
    print(f"accounts={config.accounts} months={config.months} chunk={config.chunk_accounts}")
    print(f"events={counts['product_events']:,d} elapsed_s={elapsed:.1f} "
          f"peak_rss_mib={peak_mib:.0f} parquet_mib={size / 2**20:.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
