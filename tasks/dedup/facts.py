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

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.dedup.shingles import ranks, token_hashes

_BREAK = "¶"
_PUNCTUATION = "\"'“”‘’„«»‹›()[]{}<>.,:;!?…—–-/\\*&%$€£#@+=~^|"
"""Trimmed from both ends of a word to find the word itself (a fixed set: Arrow trims much faster than a
regular expression that is anchored at the end)."""
_CLOSERS = "\"'”’)]»›"
_SENTENCE_ENDS = pa.array(list(".!?:;"))
_CONTEXT_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def fact_codes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """uint64 codes, sorted and distinct per text: the context's hash (high 32 bits) and the fact's (low 32).

    Returns the codes of all texts end to end and the offsets (n + 1) where each text's codes start.
    """
    marked = pc.replace_substring(pa.array(texts, pa.large_string()), "\n", f" {_BREAK} ")
    words = pc.split_pattern(marked, " ")
    starts = words.offsets.to_numpy().astype(np.int64)
    encoded = words.flatten().dictionary_encode()
    kind, hashes = _classify(encoded.dictionary)
    kind, hashes = kind[encoded.indices.to_numpy()], hashes[encoded.indices.to_numpy()]
    if len(kind) == 0:
        return np.empty(0, np.uint64), np.zeros(len(texts) + 1, np.int64)

    text_of = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    text_start = starts[:-1][text_of]
    position = np.arange(len(kind))
    opens = (position == text_start) | np.concatenate([[True], (kind & _ENDS)[:-1] > 0])
    is_fact = (kind & _DIGIT > 0) | ((kind & _UPPER > 0) & ~opens)
    is_context = kind & (_WORD | _DIGIT | _UPPER) == _WORD

    last_context = np.maximum.accumulate(np.where(is_context, position, -1))
    before = np.concatenate([[-1], last_context[:-1]])
    before = np.where(before >= text_start, before, -1)
    two_before = np.where(before >= 0, before[np.maximum(before, 0)], -1)
    two_before = np.where(two_before >= text_start, two_before, -1)

    keep = is_fact & (before >= 0)
    first, second = two_before[keep], before[keep]
    context = np.where(first >= 0, hashes[np.maximum(first, 0)], np.uint64(0)) * _CONTEXT_MULTIPLIER + hashes[second]
    codes = (context & np.uint64(0xFFFFFFFF00000000)) | (hashes[keep] >> np.uint64(32))
    return _distinct_per_text(codes, text_of[keep], len(starts) - 1)


_WORD, _DIGIT, _UPPER, _ENDS = 1, 2, 4, 8


def _classify(words: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Flags (a word at all, holds a digit, capitalized, ends a sentence) and the hash of each distinct
    word as written, without the punctuation around it and case-folded."""
    core = pc.utf8_trim(words, _PUNCTUATION)
    last = pc.utf8_slice_codeunits(pc.utf8_rtrim(words, _CLOSERS), -1)
    is_break = pc.equal(words, _BREAK).to_numpy(zero_copy_only=False)
    flags = [
        (_WORD, ~is_break & pc.not_equal(core, "").to_numpy(zero_copy_only=False)),
        (_DIGIT, pc.match_substring_regex(core, r"\p{Nd}").to_numpy(zero_copy_only=False)),
        (_UPPER, pc.match_substring_regex(core, r"^\p{Lu}").to_numpy(zero_copy_only=False)),
        (_ENDS, is_break | pc.is_in(last, value_set=_SENTENCE_ENDS).to_numpy(zero_copy_only=False)),
    ]
    kind = np.zeros(len(words), dtype=np.int8)
    for flag, present in flags:
        kind |= np.where(present, flag, 0).astype(np.int8)
    kind = np.where(kind & _WORD, kind, kind & _ENDS).astype(np.int8)
    return kind, token_hashes(pc.utf8_lower(core).to_pylist())


def _distinct_per_text(codes: np.ndarray, text_of: np.ndarray, texts: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.lexsort((codes, text_of))
    codes, text_of = codes[order], text_of[order]
    first = np.ones(len(codes), dtype=bool)
    first[1:] = (codes[1:] != codes[:-1]) | (text_of[1:] != text_of[:-1])
    codes, text_of = codes[first], text_of[first]
    return codes, np.concatenate([[0], np.cumsum(np.bincount(text_of, minlength=texts))])


def fact_conflicts(codes: np.ndarray, offsets: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair of texts, the share of the contexts both have facts in where they state different facts:
    neither side's facts there include the other's (dropping a first name is an omission, not a contradiction).

    codes and offsets hold every text's fact codes end to end (text i: codes[offsets[i]:offsets[i + 1]]).
    """
    shares = np.zeros(len(left))
    for start in range(0, len(left), _PAIR_CHUNK):
        chunk = slice(start, start + _PAIR_CHUNK)
        shares[chunk] = _conflict_shares(codes, offsets, left[chunk], right[chunk])
    return shares


_PAIR_CHUNK = 1 << 14


def _conflict_shares(codes: np.ndarray, offsets: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    pairs = len(left)
    rows = np.concatenate([left, right])
    sizes = offsets[rows + 1] - offsets[rows]
    if sizes.sum() == 0:
        return np.zeros(pairs)
    pair = np.repeat(np.tile(np.arange(pairs), 2), sizes)
    is_left = np.repeat(np.arange(2 * pairs) < pairs, sizes)
    code = codes[np.repeat(offsets[rows], sizes) + ranks(sizes)]
    salt = pair.astype(np.uint64) * _CONTEXT_MULTIPLIER

    # a fact (context and value) both sides state: the same code twice in one pair
    order = np.argsort(code ^ salt, kind="stable")
    same = (code ^ salt)[order][1:] == (code ^ salt)[order][:-1]
    stated_twice = np.zeros(len(code), dtype=bool)
    stated_twice[order[1:][same]] = True
    stated_twice[order[:-1][same]] = True

    # per context of a pair: facts on the left, on the right, and on both
    context = (code >> np.uint64(32)) ^ salt
    order = np.argsort(context, kind="stable")
    starts = np.flatnonzero(np.concatenate([[True], context[order][1:] != context[order][:-1]]))
    on_left = np.add.reduceat(is_left[order].astype(np.int64), starts)
    on_right = np.add.reduceat((~is_left[order]).astype(np.int64), starts)
    on_both = np.add.reduceat((stated_twice & is_left)[order].astype(np.int64), starts)
    shared = (on_left > 0) & (on_right > 0)
    contradicted = shared & (on_both < on_left) & (on_both < on_right)
    owner = pair[order][starts]
    shared_contexts = np.bincount(owner, weights=shared, minlength=pairs)
    return np.bincount(owner, weights=contradicted, minlength=pairs) / np.maximum(1, shared_contexts)
