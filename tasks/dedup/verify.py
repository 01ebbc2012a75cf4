"""Which candidate pairs are copies: enough shared text, and no facts stated differently."""

from __future__ import annotations

import numpy as np

from tasks.dedup.facts import fact_conflict, fact_groups
from tasks.dedup.minhash import estimated_jaccard
from tasks.dedup.settings import DedupSettings
from tasks.dedup.signatures import Signatures


def verified_pairs(
    signatures: Signatures, left: np.ndarray, right: np.ndarray, settings: DedupSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs that are copies of each other, with their estimated Jaccard similarity."""
    jaccard = estimated_jaccard(signatures.minhash, left, right)
    sizes_left, sizes_right = signatures.shingle_count[left], signatures.shingle_count[right]
    shared = jaccard * (sizes_left + sizes_right) / (1 + jaccard)
    containment = shared / np.maximum(1, np.minimum(sizes_left, sizes_right))
    keep = np.flatnonzero(containment >= settings.min_containment)
    groups: dict[int, dict] = {}

    def facts_of(row: int) -> dict:
        if row not in groups:
            groups[row] = fact_groups(signatures.facts(row))
        return groups[row]

    agree = np.array(
        [fact_conflict(facts_of(left[i]), facts_of(right[i])) <= settings.max_fact_conflict for i in keep.tolist()],
        dtype=bool,
    )
    keep = keep[agree] if len(keep) else keep
    return left[keep], right[keep], jaccard[keep]
