"""Rows of chunked Arrow data by position, without joining its chunks.

Arrow's take on a chunked array first concatenates every chunk: taking a row group of a run's signatures, or a
batch of its bodies, would copy the whole column each time.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def take(values: pa.ChunkedArray, rows: np.ndarray) -> pa.Array:
    """values[rows] in the order of `rows`, taken chunk by chunk."""
    rows = np.asarray(rows, dtype=np.int64)
    if values.num_chunks == 1:
        return values.chunk(0).take(pa.array(rows))
    order = None if (rows[1:] >= rows[:-1]).all() else np.argsort(rows, kind="stable")
    sorted_rows = rows if order is None else rows[order]
    starts = np.cumsum([0] + [len(chunk) for chunk in values.chunks])
    bounds = np.searchsorted(sorted_rows, starts)
    parts = [
        chunk.take(pa.array(sorted_rows[lo:hi] - start))
        for chunk, start, lo, hi in zip(values.chunks, starts, bounds[:-1], bounds[1:], strict=False)
        if hi > lo
    ]
    taken = pa.concat_arrays(parts) if parts else pa.array([], values.type)
    if order is None:
        return taken
    back = np.empty_like(order)
    back[order] = np.arange(len(order))
    return taken.take(pa.array(back))


def take_rows(data: pa.Table, rows: np.ndarray) -> pa.Table:
    """data[rows] in the order of `rows`, column by column."""
    return pa.Table.from_arrays([take(column, rows) for column in data.columns], schema=data.schema)
