"""Every table read alike by pyarrow.dataset, pandas, Polars and DuckDB, and written the way readers want it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from tasks.schemas import TABLES, Table
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import PARTITION_KEY, PARTITIONED, to_arrow
from tasks.warehouse.publish import TableChanges, publish_version
from tasks.warehouse.snapshot import Snapshot

DAY_ONE = datetime(2024, 3, 9, 23, 59, 58, 123456, tzinfo=UTC)
"""A second before midnight UTC, with microseconds: a reader that shifts time zones or truncates shows it."""


def _value(column, i: int, at: datetime):
    kind = column.type
    if pa.types.is_timestamp(kind):
        return at
    if pa.types.is_date(kind):
        return date(2024, 3, 1) + timedelta(days=i)
    if pa.types.is_list(kind):
        return [f"{column.name}-{i % 3}", "x"]
    if pa.types.is_boolean(kind):
        return i % 2 == 0
    if pa.types.is_integer(kind):
        return i
    if pa.types.is_floating(kind):
        return i / 4
    if pa.types.is_binary(kind):
        return bytes([i % 256]) * 4
    return f"{column.name}-{i:04d}" if column.name in ("run_id", *TABLES_KEYS) else f"{column.name}-{i % 3}"


TABLES_KEYS = {k for t in TABLES.values() for k in t.key}


def rows(table: Table, ids: range, at: datetime) -> pa.Table:
    frame = pd.DataFrame([{c.name: _value(c, i, at) for c in table.columns} for i in ids])
    return to_arrow(frame, table)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    """Two runs a day apart, so partitioned tables have two folders and every table has rows from both."""
    root = tmp_path_factory.mktemp("readers")
    for run, (ids, at) in enumerate([(range(0, 30), DAY_ONE), (range(30, 50), DAY_ONE + timedelta(days=1))]):
        changes = {name: TableChanges(append=[rows(table, ids, at)]) for name, table in TABLES.items()}
        publish_version(Layout(root), Snapshot(root), changes, f"run-{run}")
    return root


def read_all(warehouse: Path, name: str) -> dict[str, pd.DataFrame]:
    folder = warehouse / name
    glob = f"{folder}/**/*.parquet"
    return {
        "pyarrow.dataset": ds.dataset(folder, format="parquet", partitioning="hive").to_table().to_pandas(),
        "pandas": pd.read_parquet(folder),
        "polars": pl.read_parquet(glob, hive_partitioning=True).to_pandas(),
        "duckdb": duckdb.sql(
            f"select * from read_parquet('{glob}', hive_partitioning = true, union_by_name = true)"
        ).df(),
    }


@pytest.mark.parametrize("name", list(TABLES))
def test_every_reader_sees_the_same_rows_columns_and_times(warehouse, name):
    table = TABLES[name]
    expected_columns = set(table.column_names) | ({PARTITION_KEY} if name in PARTITIONED else set())
    frames = read_all(warehouse, name)
    for reader, frame in frames.items():
        assert len(frame) == 50, reader
        assert set(frame.columns) == expected_columns, reader
    first_time = next((c.name for c in table.columns if pa.types.is_timestamp(c.type)), None)
    if first_time:
        for reader, frame in frames.items():
            assert pd.Timestamp(frame[first_time].min()).tz_convert("UTC") == DAY_ONE, reader
    if name in PARTITIONED:
        for reader, frame in frames.items():
            assert sorted({str(v)[:10] for v in frame[PARTITION_KEY]}) == ["2024-03-09", "2024-03-10"], reader


def test_partitioned_tables_have_a_folder_per_ingest_day_that_duckdb_prunes(warehouse):
    folders = sorted(p.name for p in (warehouse / "articles").iterdir())
    assert folders == [f"{PARTITION_KEY}=2024-03-09", f"{PARTITION_KEY}=2024-03-10"]
    glob = f"{warehouse}/articles/**/*.parquet"
    read = f"read_parquet('{glob}', hive_partitioning = true, union_by_name = true)"
    plan = duckdb.sql(f"explain analyze select count(*) from {read} where {PARTITION_KEY} = '2024-03-10'").fetchall()
    assert "Total Files Read: 1" in plan[0][1]
    assert duckdb.sql(f"select count(*) from {read} where {PARTITION_KEY} = '2024-03-10'").fetchall() == [(20,)]


def test_the_partition_key_is_named_unlike_every_column():
    assert all(PARTITION_KEY not in t.column_names for t in TABLES.values())


def test_files_are_zstd_with_statistics_dictionaries_and_rows_sorted_by_key(warehouse):
    for name, table in TABLES.items():
        for path in Snapshot(warehouse).files(name):
            meta = pq.ParquetFile(path).metadata
            columns = {
                meta.row_group(0).column(i).path_in_schema: meta.row_group(0).column(i) for i in range(meta.num_columns)
            }
            assert all(c.compression == "ZSTD" and c.is_stats_set for c in columns.values()), path
            assert columns["run_id"].has_dictionary_page == (table.key != ("run_id",)), path
            assert pq.read_schema(path).field(table.columns[0].name).type == table.columns[0].type
            keys = pq.read_table(path, columns=list(table.key)).to_pylist()
            assert keys == sorted(keys, key=lambda row: tuple(row.values())), path
    body = pq.ParquetFile(Snapshot(warehouse).files("articles")[0]).metadata.row_group(0)
    by_path = {body.column(i).path_in_schema: body.column(i) for i in range(body.num_columns)}
    assert not by_path["body"].has_dictionary_page and by_path["publisher"].has_dictionary_page
    assert by_path["authors.list.element"].has_dictionary_page
