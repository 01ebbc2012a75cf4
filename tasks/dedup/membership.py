"""Which values appear in a pool, and where, hashed in Arrow.

pandas 3's `Series.isin` on string columns runs a Python loop over the pool (about 90 s for a million
against a million); Arrow's `is_in` takes about a second.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.text.folding import large_strings


def is_in(values: Iterable, pool: Iterable) -> np.ndarray:
    """Boolean mask: values[i] is in the pool."""
    values, pool = _strings(values), _strings(pool)
    return pc.is_in(values, value_set=pool).to_numpy(zero_copy_only=False)


def positions(values: Iterable, pool: Iterable) -> np.ndarray:
    """Position of each value's first occurrence in the pool; -1 for a value not in it."""
    values, pool = _strings(values), _strings(pool)
    found = pc.index_in(values, value_set=pool)
    return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)


def _strings(values: Iterable) -> pa.LargeStringArray:
    values = list(values) if isinstance(values, set | frozenset) else values
    return large_strings(values) if len(values) else pa.array([], pa.large_string())
