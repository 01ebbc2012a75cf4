"""DuckDB over the warehouse: one view per table and the analytic views, all on the same published version."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from tasks.analytics.views import create_views
from tasks.schemas import TABLES
from tasks.warehouse.snapshot import Snapshot


def _quote(path: Path | str) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _files(snapshot: Snapshot, table: str) -> str:
    """A local version's folder glob, or the list of files a URL version's manifest names."""
    if snapshot.version_dir is not None:
        return _quote(snapshot.version_dir / table / "**" / "*.parquet")
    return "[" + ", ".join(_quote(uri) for uri in snapshot.uris(table)) + "]"


def connect(warehouse: Path | str, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A connection with a view per table over the version current now (the pointer is resolved once), plus the
    analytic views (who_said_what, ...) over those. A URL warehouse is read through its fsspec file system."""
    snapshot = Snapshot(warehouse)
    if not snapshot.exists:
        raise FileNotFoundError(f"nothing is published in {warehouse}; run `newsdesk run` first")
    con = duckdb.connect(database)
    if snapshot.remote is not None:
        con.register_filesystem(snapshot.remote.fs)
    for name in TABLES:
        if not snapshot.files(name):  # a table newer than the version, published before the table existed
            continue
        con.execute(
            f"create or replace view {name} as "
            f"select * from read_parquet({_files(snapshot, name)}, hive_partitioning = true, union_by_name = true)"
        )
    create_views(con)
    return con


def write_database(warehouse: Path | str, path: Path) -> Path:
    """A DuckDB file holding the same views, over absolute paths (or URLs) of the version current now, for tools that
    want a database to open. Written beside `path` and renamed over it, so an open reader never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    connect(warehouse, str(tmp)).close()
    os.replace(tmp, path)
    return path
