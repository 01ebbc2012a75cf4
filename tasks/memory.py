"""Give freed memory back to the operating system between the steps that hold a whole run.

glibc's malloc keeps the blocks of freed numpy arrays in its heap, and Arrow's allocator keeps its pages, for reuse:
without a release, each step over a whole run (dedup's index, publish) starts from the high-water mark of the one
before, and the process's footprint is the sum of their peaks rather than the largest.
"""

from __future__ import annotations

import ctypes

import pyarrow as pa


def _malloc_trim() -> ctypes._CFuncPtr | None:
    """glibc's malloc_trim, among the symbols the process already has; None where the C library has none."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _malloc_trim()


def release_freed_memory() -> None:
    """Return what the allocators hold but nothing uses: a few milliseconds, so it is called after every large step."""
    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
