"""The facts of a text, numbers and names, keyed by the words they follow.

Two earnings reports or match results share most of their words and still report different things: the
same context ("highs near", "revenue of") holds a different figure or name. A copy of an article may drop
or add facts (a trimmed ending, a publisher line, a footer) but rarely states one differently in the same
place; comparing facts by context tells the two apart.

A fact is a word holding a digit, or a capitalized word that does not open a sentence; its context is the
two lower-case words before it. Facts before the first lower-case word (datelines, bylines) have no
context and are not compared. Computed for a whole batch with Arrow and numpy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.dedup.shingles import token_hashes

_BREAK = "¶"
_EDGE_PUNCTUATION = r"^[^\pL\pN]+|[^\pL\pN]+$"
_ENDS_SENTENCE = r"[.!?:;][\"'”’)\]»]*$"
_CONTEXT_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def fact_codes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """uint64 codes, sorted and distinct per text: the context's hash (high 32 bits) and the fact's (low 32).

    Returns the codes of all texts end to end and the offsets (n + 1) where each text's codes start.
    """
    marked = pc.replace_substring(pa.array(texts, pa.large_string()), "\n", f" {_BREAK} ")
    words = pc.utf8_split_whitespace(marked)
    starts = words.offsets.to_numpy().astype(np.int64)
    raw = words.flatten()
    core = pc.replace_substring_regex(raw, _EDGE_PUNCTUATION, "")

    is_break = pc.equal(raw, _BREAK).to_numpy(zero_copy_only=False)
    empty = pc.equal(core, "").to_numpy(zero_copy_only=False) | is_break
    digit = pc.match_substring_regex(core, r"\p{Nd}").to_numpy(zero_copy_only=False)
    upper = pc.match_substring_regex(core, r"^\p{Lu}").to_numpy(zero_copy_only=False)
    ends = pc.match_substring_regex(raw, _ENDS_SENTENCE).to_numpy(zero_copy_only=False) | is_break

    n = len(raw)
    if n == 0:
        return np.empty(0, np.uint64), np.zeros(len(texts) + 1, np.int64)
    text_of = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    text_start = starts[:-1][text_of]
    position = np.arange(n)
    opens = (position == text_start) | np.concatenate([[True], ends[:-1]])
    is_fact = ~empty & (digit | (upper & ~opens))
    is_context = ~empty & ~digit & ~upper

    last_context = np.maximum.accumulate(np.where(is_context, position, -1))
    before = np.concatenate([[-1], last_context[:-1]])
    before = np.where(before >= text_start, before, -1)
    two_before = np.where(before >= 0, before[np.maximum(before, 0)], -1)
    two_before = np.where(two_before >= text_start, two_before, -1)

    encoded = pc.utf8_lower(core).dictionary_encode()
    hashes = token_hashes(encoded.dictionary.to_pylist())[encoded.indices.to_numpy()]
    keep = is_fact & (before >= 0)
    first, second = two_before[keep], before[keep]
    context = np.where(first >= 0, hashes[np.maximum(first, 0)], np.uint64(0)) * _CONTEXT_MULTIPLIER + hashes[second]
    codes = (context & np.uint64(0xFFFFFFFF00000000)) | (hashes[keep] >> np.uint64(32))
    return _distinct_per_text(codes, text_of[keep], len(starts) - 1)


def _distinct_per_text(codes: np.ndarray, text_of: np.ndarray, texts: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((codes, text_of))
    codes, text_of = codes[order], text_of[order]
    first = np.ones(len(codes), dtype=bool)
    first[1:] = (codes[1:] != codes[:-1]) | (text_of[1:] != text_of[:-1])
    codes, text_of = codes[first], text_of[first]
    return codes, np.concatenate([[0], np.cumsum(np.bincount(text_of, minlength=texts))])


def fact_conflict(left: np.ndarray, right: np.ndarray) -> float:
    """Share of the contexts both texts have facts in where they state different facts: neither side's facts
    there include the other's (dropping a first name is an omission, not a contradiction)."""
    a, b = _grouped(left), _grouped(right)
    shared = a.keys() & b.keys()
    contradicted = sum(1 for context in shared if not (a[context] <= b[context] or b[context] <= a[context]))
    return contradicted / max(1, len(shared))


def _grouped(codes: np.ndarray) -> dict[int, set[int]]:
    groups: dict[int, set[int]] = defaultdict(set)
    for code in codes.tolist():
        groups[code >> 32].add(code & 0xFFFFFFFF)
    return groups
