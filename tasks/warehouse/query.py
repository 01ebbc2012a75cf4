"""DuckDB over the warehouse: one view per table, all on the same published version."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tasks.schemas import TABLES
from tasks.warehouse.snapshot import Snapshot


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def connect(warehouse: Path, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A connection with a view per table over the version current now (the pointer is resolved once)."""
    snapshot = Snapshot(warehouse)
    if not snapshot.exists:
        raise FileNotFoundError(f"nothing is published in {warehouse}; run `newsdesk run` first")
    con = duckdb.connect(database)
    for name in TABLES:
        glob = _quote(snapshot.version_dir / name / "**" / "*.parquet")
        con.execute(
            f"create or replace view {name} as "
            f"select * from read_parquet({glob}, hive_partitioning = true, union_by_name = true)"
        )
    return con
