"""Word shingles of folded texts as 32-bit hashes, computed for a whole batch at once with Arrow and numpy."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_POSITION_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def shingle_hashes(folded: Sequence[str] | pa.Array, words: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every run of `words` consecutive words (one shingle of all words for shorter texts).

    Returns the uint32 hashes of all texts end to end and the offsets (n + 1) where each text's start.
    """
    folded = pa.array(folded, pa.large_string())
    empty = pc.equal(folded, "")
    tokens = pc.split_pattern(pc.if_else(empty, pa.scalar(None, pa.large_string()), folded), " ")
    token_offsets = tokens.offsets.to_numpy().astype(np.int64)
    encoded = tokens.flatten().dictionary_encode()
    token_hash = token_hashes(encoded.dictionary.to_pylist())[encoded.indices.to_numpy()]

    lengths = np.diff(token_offsets)
    counts = np.where(lengths > 0, np.maximum(lengths - words + 1, 1), 0)
    starts = np.repeat(token_offsets[:-1], counts) + ranks(counts)
    ends = np.repeat(token_offsets[1:], counts)
    padded = np.concatenate([token_hash, np.zeros(words, np.uint64)])
    combined = np.zeros(len(starts), np.uint64)
    for offset in range(words):
        position = starts + offset
        combined = combined * _POSITION_MULTIPLIER + np.where(position < ends, padded[position], np.uint64(0))
    return _finalize(combined), np.concatenate([[0], np.cumsum(counts)])


def token_hashes(tokens: list[str]) -> np.ndarray:
    """Stable 64-bit hash of each distinct token (the same in every run and process)."""
    digests = b"".join(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest() for t in tokens)
    return np.frombuffer(digests, dtype="<u8").astype(np.uint64)


def ranks(counts: np.ndarray) -> np.ndarray:
    """0, 1, ... within each run of the given lengths."""
    total = int(counts.sum())
    return np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)


def _finalize(values: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer, folded to 32 bits, so neighbouring shingles land far apart."""
    values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    values = values ^ (values >> np.uint64(31))
    return (values >> np.uint64(32)).astype(np.uint32)
