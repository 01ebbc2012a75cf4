"""The knobs of deduplication, with defaults measured on the syndication corpus (docs/deduplication.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DedupSettings:
    shingle_words: int = 3
    """Words per shingle; 3 keeps a copy with 2-5% word edits well above the threshold."""
    bands: int = 32
    rows: int = 4
    """LSH layout: bands * rows permutations; a pair becomes a candidate when one band agrees.
    32 x 4 finds pairs of Jaccard 0.5 with probability 0.87 and 0.6 with 0.99."""
    bucket_window: int = 16
    """Inside one LSH bucket each member is compared with this many members before it; small buckets
    are compared in full, huge ones (templated look-alikes) stay linear."""
    min_containment: float = 0.7
    """Verified copies share at least this share of the shorter text's shingles (estimated from MinHash),
    so a copy with a trimmed ending still matches its original."""
    max_fact_conflict: float = 0.2
    """Highest share of the shorter text's facts (numbers, names) that both texts state differently."""
    seed: int = 20261123
    """Seed of the permutations; signatures are only comparable under the same seed and layout."""
    batch_size: int = 4000
    """Articles signed together."""
    threads: int = 2
    """Batches signed at once; signing is numpy and Arrow work, which runs outside the GIL."""

    @property
    def permutations(self) -> int:
        return self.bands * self.rows

    @property
    def scheme(self) -> str:
        """Names everything a stored signature depends on; signatures of another scheme are recomputed."""
        return f"w{self.shingle_words}-p{self.permutations}-s{self.seed}"
