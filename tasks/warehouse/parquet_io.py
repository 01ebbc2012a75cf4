"""Parquet reads and writes that always carry the table's explicit Arrow schema."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tasks.schemas import Table

ROW_GROUP_SIZE = 128 * 1024
"""Rows per row group: large enough for good compression, small enough for DuckDB to skip groups by statistics."""


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
    """Write rows sorted by the table key, zstd-compressed, with statistics and dictionary-encoded strings."""
    data = data.cast(table.schema)
    if data.num_rows:
        data = data.sort_by([(k, "ascending") for k in table.key])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(
        data,
        tmp,
        compression="zstd",
        write_statistics=True,
        use_dictionary=True,
        row_group_size=ROW_GROUP_SIZE,
        coerce_timestamps="us",
    )
    tmp.replace(path)
    return path


def read_files(paths: list[Path], table: Table, columns: list[str] | None = None) -> pa.Table:
    """Read and concatenate part files of one table, cast to its schema."""
    parts = [pq.read_table(p, columns=columns, schema=table.schema) for p in paths]
    schema = table.schema if columns is None else pa.schema([table.schema.field(c) for c in columns])
    if not parts:
        return schema.empty_table()
    return pa.concat_tables([p.cast(schema) for p in parts])


def to_frame(data: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with list columns as Python lists and timestamps tz-aware."""
    return data.to_pandas(maps_as_pydicts="strict")
