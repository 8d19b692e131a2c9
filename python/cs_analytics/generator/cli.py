"""Command line: ``cs-generate --accounts 300 --months 24 --format csv --output-dir seeds``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shlex
import sys
import time

from cs_analytics.generator.config import GeneratorConfig
from cs_analytics.generator.generate import generate
from cs_analytics.generator.product_led import build_vars, generate_product_led


def build_parser(
    prog: str, description: str, output_dir: str | None = None, **defaults: object
) -> argparse.ArgumentParser:
    """The generator's options. ``output_dir`` is the default folder (none: the option is
    required); ``defaults`` replaces the defaults of other options (the benchmark's scale)."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--accounts", type=int, default=300, help="number of accounts")
    parser.add_argument("--months", type=int, default=24, help="months of history")
    parser.add_argument(
        "--start-date",
        type=dt.date.fromisoformat,
        default=dt.date(2024, 11, 1),
        help="first day of the window (first of a month), YYYY-MM-DD",
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv")
    parser.add_argument(
        "--profile",
        choices=("demo", "product_led"),
        default="demo",
        help="which company to generate: the demo, or the product-led profile (product_led.py)",
    )
    parser.add_argument(
        "--output-dir",
        required=output_dir is None,
        default=output_dir,
        help="where to write the tables",
    )
    parser.add_argument(
        "--user-activity",
        type=float,
        default=1.0,
        help="multiplier on the daily probability that a user is active (usage density)",
    )
    parser.add_argument(
        "--events-per-session", type=float, default=1.4, help="mean events per active user-day"
    )
    parser.add_argument(
        "--chunk-accounts", type=int, default=250, help="accounts per chunk (bounds memory)"
    )
    parser.set_defaults(**defaults)
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    return build_parser(
        "cs-generate",
        "Write the raw product, CRM, billing and reference tables (deterministic).",
    ).parse_args(argv)


def config_from_args(args: argparse.Namespace) -> GeneratorConfig:
    return GeneratorConfig(
        accounts=args.accounts,
        months=args.months,
        start_date=args.start_date,
        seed=args.seed,
        user_activity=args.user_activity,
        events_per_session=args.events_per_session,
        chunk_accounts=args.chunk_accounts,
    )


def generate_and_print(
    config: GeneratorConfig, args: argparse.Namespace, count_width: int
) -> tuple[dict[str, int], float]:
    """Generate the tables into ``args.output_dir``, print each table's row count (right-aligned
    in ``count_width`` characters); the counts and the seconds the generation took."""
    started = time.perf_counter()
    if args.profile == "product_led":
        counts = generate_product_led(config, args.output_dir, args.format)
    else:
        counts = generate(config, args.output_dir, args.format)
    elapsed = time.perf_counter() - started
    for table, n in counts.items():
        print(f"{table:24s} {n:>{count_width},d}")
    return counts, elapsed


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as error:
        print(f"cs-generate: {error}", file=sys.stderr)
        return 2
    _, elapsed = generate_and_print(config, args, count_width=12)
    print(f"window {config.start_date} .. {config.end_date} (as_of_date), {elapsed:.1f}s")
    if args.profile == "product_led" and args.format == "parquet":
        print("dbt build --vars " + shlex.quote(json.dumps(build_vars(args.output_dir, config))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
