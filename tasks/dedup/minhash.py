"""MinHash signatures for many texts at once: shingles hashed once, permutations applied as a matrix op."""

from __future__ import annotations

import numpy as np

from tasks.dedup.settings import DedupSettings

EMPTY = np.uint32(0xFFFFFFFF)
_SHINGLE_CHUNK = 1024


def permutations(settings: DedupSettings) -> tuple[np.ndarray, np.ndarray]:
    """Multiply-add-shift hash functions ((a * x + b) >> 32 with odd 64-bit a): one per permutation."""
    rng = np.random.default_rng(settings.seed)
    a = rng.integers(0, 2**64, size=settings.permutations, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**64, size=settings.permutations, dtype=np.uint64)
    return a, b


def minhash_signatures(shingles: np.ndarray, offsets: np.ndarray, settings: DedupSettings) -> np.ndarray:
    """(texts x permutations) uint32 minima; a text without shingles gets EMPTY everywhere.

    Texts are hashed about a thousand shingles at a time into one reused buffer that stays in cache, one
    row per permutation, so the minima are taken along contiguous memory.
    """
    a, b = permutations(settings)
    signatures = np.full((len(offsets) - 1, len(a)), EMPTY, dtype=np.uint32)
    counts = np.diff(offsets)
    buffer = np.empty((len(a), max(_SHINGLE_CHUNK, int(counts.max(initial=0)))), dtype=np.uint64)
    for first, last in _chunks(offsets):
        texts = np.arange(first, last)[counts[first:last] > 0]
        if len(texts) == 0:
            continue
        values = shingles[offsets[texts[0]] : offsets[texts[-1] + 1]].astype(np.uint64)
        hashed = buffer[:, : len(values)]
        np.multiply(a[:, None], values, out=hashed)
        np.add(hashed, b[:, None], out=hashed)
        # the shift keeps the order, so it is applied to the minima only
        minima = np.minimum.reduceat(hashed, offsets[texts] - offsets[texts[0]], axis=1)
        signatures[texts] = (minima >> np.uint64(32)).T
    return signatures


def _chunks(offsets: np.ndarray):
    """Ranges of texts holding about _SHINGLE_CHUNK shingles (a longer text alone)."""
    first = 0
    n = len(offsets) - 1
    while first < n:
        last = int(np.searchsorted(offsets, offsets[first] + _SHINGLE_CHUNK, side="right")) - 1
        last = min(max(last, first + 1), n)
        yield first, last
        first = last


def estimated_jaccard(signatures: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Share of permutations on which the two texts of each pair agree."""
    similarity = np.empty(len(left))
    step = 1 << 16
    for start in range(0, len(left), step):
        chunk = slice(start, start + step)
        similarity[chunk] = (signatures[left[chunk]] == signatures[right[chunk]]).mean(axis=1)
    return similarity
