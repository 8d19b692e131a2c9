"""Writers for the raw tables: CSV (dbt seeds) and Parquet (one folder per table).

Both are deterministic: the same rows give the same bytes. CSV timestamps are written as
``YYYY-MM-DD HH:MM:SS`` (UTC), dates as ``YYYY-MM-DD``, booleans as ``true``/``false``, money
with two decimals and nulls as empty fields.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from cs_analytics.contract import all_tables


def arrow_type(duckdb_type: str) -> pa.DataType:
    """The Arrow type that DuckDB reads back as ``duckdb_type``."""
    decimal = re.fullmatch(r"decimal\((\d+),(\d+)\)", duckdb_type)
    if decimal:
        return pa.decimal128(int(decimal.group(1)), int(decimal.group(2)))
    return {
        "varchar": pa.string(),
        "timestamptz": pa.timestamp("us", tz="UTC"),
        "date": pa.date32(),
        "integer": pa.int32(),
        "bigint": pa.int64(),
        "boolean": pa.bool_(),
    }[duckdb_type]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, arrow_type(t)) for c, t in all_tables()[table].items()])


def rows_to_arrow(table: str, rows: list[tuple]) -> pa.Table:
    """Build a contract-typed Arrow table from row tuples in contract column order."""
    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = []
    for field, values in zip(schema, columns, strict=True):
        if pa.types.is_decimal(field.type):
            scale = field.type.scale
            values = [None if v is None else Decimal(f"{v:.{scale}f}") for v in values]
        arrays.append(pa.array(list(values), type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_csv(table: pa.Table, path: Path) -> None:
    frame = table.to_pandas(types_mapper=None)
    for field in table.schema:
        col = frame[field.name]
        if pa.types.is_timestamp(field.type):
            frame[field.name] = pd.to_datetime(col).dt.strftime("%Y-%m-%d %H:%M:%S")
        elif pa.types.is_date(field.type):
            frame[field.name] = pd.to_datetime(col).dt.strftime("%Y-%m-%d")
        elif pa.types.is_boolean(field.type):
            frame[field.name] = col.map({True: "true", False: "false"})
        elif pa.types.is_decimal(field.type):
            frame[field.name] = col.map(lambda v: None if v is None else format(v, "f"))
        elif pa.types.is_integer(field.type):
            frame[field.name] = col.astype("Int64")
    frame.to_csv(path, index=False, lineterminator="\n", na_rep="")


def write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd", row_group_size=1_000_000)


class TableSink:
    """Writes tables in one format under one directory; events may come in chunks."""

    def __init__(self, out_dir: Path, fmt: str) -> None:
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"unknown format {fmt!r}: use csv or parquet")
        self.out_dir = Path(out_dir)
        self.fmt = fmt
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.chunks: dict[str, list[pa.Table]] = {}
        self.parts: dict[str, int] = {}

    def write(self, name: str, table: pa.Table) -> None:
        """Write a whole table (replaces earlier chunks of the same name)."""
        if self.fmt == "csv":
            write_csv(table, self.out_dir / f"{name}.csv")
        else:
            folder = self.out_dir / name
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("part-*.parquet"):
                old.unlink()
            write_parquet(table, folder / "part-00000.parquet")

    def append(self, name: str, table: pa.Table) -> None:
        """Add a chunk: a Parquet part file, or rows buffered for one CSV at close()."""
        if self.fmt == "csv":
            self.chunks.setdefault(name, []).append(table)
            return
        folder = self.out_dir / name
        part = self.parts.get(name, 0)
        if part == 0:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("part-*.parquet"):
                old.unlink()
        write_parquet(table, folder / f"part-{part:05d}.parquet")
        self.parts[name] = part + 1

    def close(self) -> None:
        for name, chunks in self.chunks.items():
            write_csv(pa.concat_tables(chunks), self.out_dir / f"{name}.csv")
        self.chunks = {}
