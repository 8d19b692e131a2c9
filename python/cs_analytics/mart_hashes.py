"""Content hashes of a warehouse's relations, to prove that a refactor leaves the marts unchanged.

A relation's hash is the MD5 of its rows, each row the text of its columns taken in column-name
order (so reordering columns changes nothing), the rows sorted (so row order changes nothing).
Nulls are written as ``\\N``, floating-point values to 9 significant digits. Two relations have
the same hash exactly when they hold the same rows with the same column names, as text.

    python -m cs_analytics.mart_hashes warehouse.duckdb            # every mart, as JSON
    python -m cs_analytics.mart_hashes target/build/warehouse.duckdb --schema intermediate
"""

from __future__ import annotations

import argparse
import json
import sys

import duckdb

# Floating-point columns are compared to this many significant digits: a model fitted with
# BLAS kernels of another CPU may differ in the last bits (seen on rpt_churn_model_evaluation
# between two CI machines), which is not a change of content.
FLOAT_DIGITS = 9


def column_text(column: str, data_type: str) -> str:
    """The SQL expression a column is hashed by: floats rounded to FLOAT_DIGITS significant
    digits (printed in scientific notation, so every magnitude keeps the same precision)."""
    if data_type.upper() in ("DOUBLE", "FLOAT", "REAL"):
        return f"printf('%.{FLOAT_DIGITS - 1}e', \"{column}\")"
    return f'"{column}"'


def relation_hash(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> dict[str, object]:
    """Row count, column names and content hash of ``schema.table``."""
    types = dict(
        con.execute(
            "select column_name, data_type from information_schema.columns"
            " where table_schema = ? and table_name = ?",
            [schema, table],
        ).fetchall()
    )
    columns = sorted(types)
    row_text = " || '|' || ".join(
        f"coalesce(cast({column_text(c, types[c])} as varchar), '\\N')" for c in columns
    )
    rows, digest = con.execute(
        f"select count(*), md5(coalesce(string_agg(row_text, chr(10) order by row_text), ''))"
        f' from (select {row_text} as row_text from "{schema}"."{table}")'
    ).fetchall()[0]
    return {"rows": rows, "columns": columns, "hash": digest}


def schema_hashes(
    db_path: str, schema: str = "marts", read_only: bool = False
) -> dict[str, dict[str, object]]:
    """The hash of every table and view of ``schema``, keyed by relation name. In a process that
    already holds the file open (dbtRunner does), open it with the same ``read_only`` setting."""
    with duckdb.connect(db_path, read_only=read_only) as con:
        names = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables where table_schema = ?"
                " order by table_name",
                [schema],
            ).fetchall()
        ]
        return {name: relation_hash(con, schema, name) for name in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("duckdb", help="path of the warehouse file")
    parser.add_argument("--schema", default="marts")
    args = parser.parse_args(argv)
    json.dump(
        schema_hashes(args.duckdb, args.schema, read_only=True),
        sys.stdout,
        indent=2,
        sort_keys=True,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
