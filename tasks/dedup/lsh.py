"""Candidate pairs from MinHash signatures by banding (locality-sensitive hashing), vectorized per band."""

from __future__ import annotations

import numpy as np

from tasks.dedup.settings import DedupSettings


def candidate_pairs(
    signatures: np.ndarray, probe: np.ndarray, settings: DedupSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs (left < right) of rows that agree on a whole band, at least one of them in `probe`.

    Rows already compared in earlier runs (not probed) are not paired with each other again.
    """
    n = len(signatures)
    multipliers = np.random.default_rng(settings.seed + 1).integers(
        0, 2**64, size=settings.rows, dtype=np.uint64
    ) | np.uint64(1)
    # the distinct pairs found so far, then those of the latest bands, each as left * n + right
    pairs = [np.empty(0, np.int64)]
    for band in range(settings.bands):
        columns = signatures[:, band * settings.rows : (band + 1) * settings.rows].astype(np.uint64)
        keys = (columns * multipliers).sum(axis=1, dtype=np.uint64)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        for distance in range(1, settings.bucket_window + 1):
            same = sorted_keys[distance:] == sorted_keys[:-distance]
            if not same.any():
                break
            left, right = order[:-distance][same], order[distance:][same]
            wanted = probe[left] | probe[right]
            pairs.append(np.minimum(left, right)[wanted] * n + np.maximum(left, right)[wanted])
        # bands mostly find the same pairs again (templated reports fill the same buckets in every band):
        # folding them in now and then keeps memory near the distinct pairs
        if sum(len(p) for p in pairs[1:]) > max(len(pairs[0]), _COMPACT_AT):
            pairs = [_distinct(pairs)]
    found = _distinct(pairs)
    return found // n, found % n


def _distinct(parts: list[np.ndarray]) -> np.ndarray:
    """Sorted distinct values of the parts, which are let go once joined: one copy sorted in place, where
    np.unique would hold the parts, the joined values and a sorted copy at once."""
    values = np.concatenate(parts)
    parts.clear()
    values.sort()
    first = np.empty(len(values), dtype=bool)
    first[:1] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    return values[first]


_COMPACT_AT = 1 << 22
