"""Freed memory goes back to the system between steps."""

from __future__ import annotations

import numpy as np
import psutil
import pytest

from tasks import memory


@pytest.mark.skipif(memory._MALLOC_TRIM is None, reason="the C library has no malloc_trim")
def test_memory_freed_in_the_heap_is_given_back():
    # 3,000 blocks of 64 KiB sit in malloc's heap; one kept at the end pins the heap's top, so malloc keeps the rest
    blocks = [np.ones(8192) for _ in range(3000)]
    last = blocks[-1]
    del blocks
    held = psutil.Process().memory_info().rss
    memory.release_freed_memory()
    given_back = held - psutil.Process().memory_info().rss
    assert last.sum() == 8192
    assert given_back > 100 * 2**20
