"""Rows of chunked Arrow data, taken chunk by chunk."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from tasks.chunked import take, take_rows

TEXTS = [f"text {i}" for i in range(10)]


def _chunked(values: list, size: int) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array(values[i : i + size]) for i in range(0, len(values), size)])


def test_rows_are_taken_across_chunks_in_the_order_asked():
    column = _chunked(TEXTS, 3)
    assert column.num_chunks == 4
    for rows in ([0, 2, 3, 7, 8, 9], [9, 0, 4, 4, 1], []):
        assert take(column, np.array(rows, np.int64)).to_pylist() == [TEXTS[i] for i in rows]


def test_a_table_keeps_its_schema_and_the_rows_their_columns():
    table = pa.table({"n": _chunked(list(range(10)), 4), "text": _chunked(TEXTS, 3)})
    rows = np.array([7, 2, 9])
    taken = take_rows(table, rows)
    assert taken.schema == table.schema
    assert taken.to_pylist() == [{"n": i, "text": TEXTS[i]} for i in rows]
