"""Parquet reads and writes that always carry the table's explicit Arrow schema."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tasks.chunked import take_rows
from tasks.schemas import Table

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem

ROW_GROUP_ROWS = 128 * 1024
ROW_GROUP_BYTES = 64 * 1024 * 1024
"""A row group holds at most ROW_GROUP_ROWS rows and about ROW_GROUP_BYTES of uncompressed data (articles reach the
byte limit first): large enough for good compression, small enough for DuckDB to read groups in parallel and skip
them by their statistics. See docs/warehouse.md."""

FREE_TEXT = frozenset(
    {"body", "text", "title", "standfirst", "detail", "url", "source_uri", "doc_id", "content_hash", "report_path"}
)
"""String columns whose values are mostly distinct: a dictionary for them would be built only to be dropped."""

PARTITION_KEY = "ingest_date"
"""Hive folder key, `<table>/ingest_date=YYYY-MM-DD/`: the UTC day of `ingested_at`. Named unlike every column, since
readers with hive_partitioning replace a column of the same name by the folder value."""

PARTITIONED = frozenset({"articles"})
"""Tables split into PARTITION_KEY folders: articles carry the bodies, so a query of some days reads only their files.
The other tables have small rows and are read by article_id or whole."""


def dictionary_columns(table: Table) -> list[str]:
    """Parquet column paths to dictionary-encode: strings with repeated values (not free text, not a unique key)."""
    paths = []
    for column in table.columns:
        if column.name in FREE_TEXT or table.key == (column.name,):
            continue
        if column.type == pa.string():
            paths.append(column.name)
        elif pa.types.is_list(column.type) and column.type.value_type == pa.string():
            paths.append(f"{column.name}.list.element")
    return paths


def row_group_rows(data: pa.Table) -> int:
    if not data.num_rows:
        return ROW_GROUP_ROWS
    return max(1024, min(ROW_GROUP_ROWS, ROW_GROUP_BYTES * data.num_rows // max(data.nbytes, 1)))


def _list_values(series: pd.Series) -> list:
    """List cells as Python lists; missing cells (NaN after a merge, None) as null."""
    return [list(v) if isinstance(v, (list, tuple, np.ndarray)) else None for v in series]


def to_arrow(frame: pd.DataFrame, table: Table) -> pa.Table:
    """Conform a frame to the table schema: missing nullable columns become nulls, extra columns are dropped."""
    columns = {}
    for column in table.columns:
        if column.name in frame.columns and pa.types.is_list(column.type):
            columns[column.name] = pa.array(_list_values(frame[column.name]), type=column.type)
        elif column.name in frame.columns:
            columns[column.name] = pa.array(frame[column.name], type=column.type, from_pandas=True)
        else:
            columns[column.name] = pa.nulls(len(frame), type=column.type)
    return pa.Table.from_pydict(columns, schema=table.schema)


def write_table(data: pa.Table, table: Table, path: Path) -> Path:
    """Write rows sorted by the table key, zstd-compressed, with statistics, dictionary-encoded repeated strings and
    timestamps in microseconds UTC (read alike by DuckDB, pandas, Polars and Spark).

    Rows are put in key order through an index, a row group at a time: a sorted copy of the whole table is never
    held, which for a run's signature index would double its memory."""
    data = data.cast(table.schema)
    order = pc.sort_indices(data, sort_keys=[(k, "ascending") for k in table.key]).to_numpy()
    group = row_group_rows(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    options = {"compression": "zstd", "write_statistics": True, "coerce_timestamps": "us"}
    with pq.ParquetWriter(tmp, table.schema, use_dictionary=dictionary_columns(table), **options) as writer:
        for start in range(0, max(data.num_rows, 1), group):  # an empty table is written as one empty group
            writer.write_table(take_rows(data, order[start : start + group]), row_group_size=group)
    tmp.replace(path)
    return path


def write_parts(data: pa.Table, table: Table, folder: Path, name: str) -> list[Path]:
    """Write rows as `<folder>/<name>.parquet`; for a partitioned table, one such file in each partition folder."""
    if table.name not in PARTITIONED or not data.num_rows:
        return [write_table(data, table, folder / f"{name}.parquet")]
    days = pc.strftime(data["ingested_at"], format="%Y-%m-%d")
    return [
        write_table(data.filter(pc.equal(days, day)), table, folder / f"{PARTITION_KEY}={day}" / f"{name}.parquet")
        for day in pc.unique(days).to_pylist()
    ]


def read_files(
    paths: list[Path] | list[str],
    table: Table,
    columns: list[str] | None = None,
    filesystem: AbstractFileSystem | None = None,
) -> pa.Table:
    """Read and concatenate part files of one table, cast to its schema; `filesystem` (fsspec) for object paths."""
    parts = [pq.read_table(p, columns=columns, schema=table.schema, filesystem=filesystem) for p in paths]
    schema = table.schema if columns is None else pa.schema([table.schema.field(c) for c in columns])
    if not parts:
        return schema.empty_table()
    return pa.concat_tables([p.cast(schema) for p in parts])


def to_frame(data: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with list columns as Python lists and timestamps tz-aware."""
    return data.to_pandas(maps_as_pydicts="strict")
