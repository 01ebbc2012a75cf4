"""Paragraphs a publisher repeats across its articles (footers, disclaimers, newsletter pitches).

A paragraph is learned as boilerplate of a publisher when it appears in at least `min_articles` of that
publisher's articles and in at least `min_share` of them; each article counts once, so a pull quote
repeated inside one article is not boilerplate. The clean stage removes such paragraphs with the reason
`repeated_across_publisher`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tasks.text.content_hash import content_hash, content_hashes
from tasks.text.folding import large_strings

REASON = "repeated_across_publisher"
PARAGRAPH_BREAK = "\n\n"
_HEX_DIGITS = 16
"""A paragraph is known by the first 8 bytes of its content hash: a learned or counted paragraph takes 8 bytes."""
_MIN_MERGE = 1 << 16
"""Hashes a tally collects before it first merges them into its counts."""

Strings = Sequence[str] | pd.Series | pa.Array | pa.ChunkedArray


@dataclass(frozen=True)
class BoilerplateSettings:
    min_articles: int = 3
    min_share: float = 0.3
    """A paragraph is a publisher's boilerplate when at least this many of its articles, and this share of
    them, carry it."""


def paragraph_hash(paragraph: str) -> int:
    """The first 8 bytes of the paragraph's content hash as an int, so spacing and punctuation do not matter."""
    return int(content_hash(paragraph)[:_HEX_DIGITS], 16)


def paragraph_hashes(paragraphs: Strings) -> np.ndarray:
    """paragraph_hash of each paragraph as uint64, folded together (fast) rather than one by one."""
    prefixes = "".join(h[:_HEX_DIGITS] for h in content_hashes(paragraphs))
    return np.frombuffer(bytes.fromhex(prefixes), dtype=">u8").astype(np.uint64)


def _changes(*columns: np.ndarray) -> np.ndarray:
    """Rows of sorted columns that differ from the row before in any of them: the first of each distinct row."""
    changed = np.zeros(len(columns[0]), dtype=bool)
    changed[:1] = True
    for column in columns:
        changed[1:] |= column[1:] != column[:-1]
    return changed


class _Tally:
    """How often each uint64 hash was added: sorted distinct hashes with their counts, plus the hashes added
    since, merged in once they outnumber the counted ones, so that memory stays near 16 bytes per distinct hash
    and each hash is sorted again only a few times."""

    def __init__(self):
        self.hashes = np.empty(0, dtype=np.uint64)
        self.counts = np.empty(0, dtype=np.int64)
        self._added: list[np.ndarray] = []
        self._added_size = 0

    def add(self, hashes: np.ndarray) -> None:
        self._added.append(hashes)
        self._added_size += len(hashes)
        if self._added_size > max(len(self.hashes), _MIN_MERGE):
            self._merge()

    def at_least(self, count: float) -> frozenset[int]:
        self._merge()
        return frozenset(self.hashes[self.counts >= count].tolist())

    def _merge(self) -> None:
        hashes = np.concatenate([self.hashes, *self._added])
        counts = np.concatenate([self.counts, np.ones(self._added_size, dtype=np.int64)])
        order = np.argsort(hashes, kind="stable")
        hashes, counts = hashes[order], counts[order]
        starts = np.flatnonzero(_changes(hashes))
        self.hashes, self.counts = hashes[starts], np.add.reduceat(counts, starts)
        self._added, self._added_size = [], 0


class ParagraphCounts:
    """In how many articles of each publisher each paragraph appears, counted one part of articles at a time, so
    that learning holds one part of bodies and the counts (a hash and a count per distinct paragraph), never every
    body."""

    def __init__(self, publishers: Iterable[str]):
        self._publishers = pa.array(sorted(set(publishers)), pa.large_string())
        self._articles = np.zeros(len(self._publishers), dtype=np.int64)
        self._tallies = [_Tally() for _ in range(len(self._publishers))]

    def add(self, publishers: Strings, bodies: Strings) -> None:
        """Count one part's articles (the publisher and body of each); articles of other publishers are skipped
        before their paragraphs are hashed."""
        codes = pc.index_in(large_strings(publishers), value_set=self._publishers)
        ours = pc.is_valid(codes)
        codes = codes.filter(ours).to_numpy().astype(np.intp)
        self._articles += np.bincount(codes, minlength=len(self._articles))
        paragraphs = pc.split_pattern(large_strings(bodies).filter(ours), PARAGRAPH_BREAK)
        self._count(codes, paragraphs)

    def learned(self, settings: BoilerplateSettings | None = None) -> dict[str, frozenset[int]]:
        """For each publisher, the hashes of the paragraphs in at least `min_articles` of its articles and
        `min_share` of them."""
        settings = settings or BoilerplateSettings()
        return {
            publisher: tally.at_least(max(settings.min_articles, settings.min_share * total))
            for publisher, tally, total in zip(
                self._publishers.to_pylist(), self._tallies, self._articles.tolist(), strict=True
            )
        }

    def _count(self, codes: np.ndarray, paragraphs: pa.ListArray) -> None:
        """Add each article's distinct non-blank paragraphs to its publisher's tally."""
        flat = pc.list_flatten(paragraphs)
        filled = pc.not_equal(pc.utf8_trim_whitespace(flat), "")
        articles = pc.list_parent_indices(paragraphs).filter(filled).to_numpy()
        hashes = paragraph_hashes(flat.filter(filled))
        publishers = codes[articles]
        order = np.lexsort((hashes, articles, publishers))
        publishers, articles, hashes = publishers[order], articles[order], hashes[order]
        first = _changes(articles, hashes)
        publishers, hashes = publishers[first], hashes[first]
        bounds = np.searchsorted(publishers, np.arange(len(self._tallies) + 1))
        for code in np.flatnonzero(np.diff(bounds)):
            self._tallies[code].add(hashes[bounds[code] : bounds[code + 1]])
