"""Which candidate pairs are copies: enough shared text, and no facts stated differently."""

from __future__ import annotations

import numpy as np

from tasks.dedup.facts import fact_conflicts
from tasks.dedup.minhash import estimated_jaccard
from tasks.dedup.settings import DedupSettings
from tasks.dedup.signatures import Signatures


def verified_pairs(
    signatures: Signatures, left: np.ndarray, right: np.ndarray, settings: DedupSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs that are copies of each other, with their estimated Jaccard similarity.

    Candidates are checked a chunk at a time, so the per-pair arrays stay small whatever their number.
    """
    parts = [
        _verified(signatures, left[start : start + _PAIR_CHUNK], right[start : start + _PAIR_CHUNK], settings)
        for start in range(0, len(left), _PAIR_CHUNK)
    ]
    if not parts:
        return left, right, np.empty(0)
    return tuple(np.concatenate(values) for values in zip(*parts, strict=True))


_PAIR_CHUNK = 1 << 20


def _verified(
    signatures: Signatures, left: np.ndarray, right: np.ndarray, settings: DedupSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    jaccard = estimated_jaccard(signatures.minhash, left, right)
    sizes_left, sizes_right = signatures.shingle_count[left], signatures.shingle_count[right]
    shared = jaccard * (sizes_left + sizes_right) / (1 + jaccard)
    containment = shared / np.maximum(1, np.minimum(sizes_left, sizes_right))
    keep = np.flatnonzero(containment >= settings.min_containment)
    conflicts = fact_conflicts(signatures.fact_codes, signatures.fact_offsets, left[keep], right[keep])
    keep = keep[conflicts <= settings.max_fact_conflict]
    return left[keep], right[keep], jaccard[keep]
