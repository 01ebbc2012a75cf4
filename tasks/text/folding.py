"""Text folding for fingerprints and shingles: lower case, and every run of non-word characters one space.

`fold_text` is the definition (NFKC, case folding, Python's Unicode word characters). `fold_texts` gives
the same result for many texts at once: a text whose characters are ASCII or typographic punctuation (dashes,
curly quotes, the copyright sign: most news) is folded byte by byte in numpy, where NFKC and case folding
reduce to lower case and a word character is a-z or 0-9; the few others go through `fold_text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

_NOT_WORD = re.compile(r"[\W_]+")
_CHUNK_TEXTS = 1 << 12
"""Texts folded together: folding holds a few bytes of positions per byte of text, so chunks stay small."""


def fold_text(text: str) -> str:
    """Words of the text in lower case, separated by single spaces; punctuation becomes a word break."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _plain_punctuation() -> str:
    """Non-ASCII punctuation that folding turns into a word break whatever surrounds it."""
    candidates = "—–‐‑‒―“”‘’‚„«»‹›…•·°©®§¶†‡′″€£¥¢"
    return "".join(
        c
        for c in candidates
        if fold_text(f"a{c}b") == "a b" and unicodedata.normalize("NFKC", c) == c and not unicodedata.combining(c)
    )


_PLAIN = _plain_punctuation()
_NEEDS_UNICODE = "[^\\x00-\\x7F" + re.escape(_PLAIN) + "]"
_BYTE_FOLD = np.full(256, ord(" "), dtype=np.uint8)
_BYTE_FOLD[ord("0") : ord("9") + 1] = np.arange(ord("0"), ord("9") + 1)
_BYTE_FOLD[ord("a") : ord("z") + 1] = np.arange(ord("a"), ord("z") + 1)
_BYTE_FOLD[ord("A") : ord("Z") + 1] = np.arange(ord("a"), ord("z") + 1)


def fold_texts(texts: Sequence[str] | pa.Array) -> pa.LargeStringArray:
    """fold_text of each text, as one Arrow array."""
    texts = large_strings(texts)
    parts = [_fold_chunk(texts.slice(i, _CHUNK_TEXTS)) for i in range(0, len(texts), _CHUNK_TEXTS)]
    return pa.concat_arrays(parts) if parts else pa.array([], pa.large_string())


def large_strings(values: Sequence[str] | pa.Array | pa.ChunkedArray) -> pa.LargeStringArray:
    """The values as one contiguous Arrow array of large strings (pandas string columns come chunked)."""
    chunks = string_chunks(values)
    return chunks.chunk(0) if chunks.num_chunks == 1 else chunks.combine_chunks()


def string_chunks(values: Sequence[str] | pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    """The values as Arrow large strings in the chunks they are held in: a pandas string column is not copied."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.StringDtype | pd.ArrowDtype):
        values = pa.chunked_array(values)
    if not isinstance(values, pa.Array | pa.ChunkedArray):
        values = pa.array(values, pa.large_string(), from_pandas=True)
    values = values.cast(pa.large_string())
    return values if isinstance(values, pa.ChunkedArray) else pa.chunked_array([values], pa.large_string())


def _fold_chunk(texts: pa.LargeStringArray) -> pa.LargeStringArray:
    texts = pc.fill_null(texts, "")
    folded = _fold_bytes(texts)
    unicode = np.asarray(pc.match_substring_regex(texts, _NEEDS_UNICODE).to_numpy(zero_copy_only=False), dtype=bool)
    if not unicode.any():
        return folded
    slow = pa.array([fold_text(t) for t in texts.filter(pa.array(unicode)).to_pylist()], pa.large_string())
    return pc.replace_with_mask(folded, pa.array(unicode), slow)


def _fold_bytes(texts: pa.LargeStringArray) -> pa.LargeStringArray:
    """Byte-wise folding: right for texts of ASCII and _PLAIN characters (every non-ASCII byte a break)."""
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int64)[texts.offset : texts.offset + len(texts) + 1]
    data = np.frombuffer(texts.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    offsets = offsets - offsets[0]
    folded = _BYTE_FOLD[data]
    space = folded == ord(" ")
    after_space = np.empty(len(space), dtype=bool)
    after_space[1:] = space[:-1]
    after_space[offsets[:-1][offsets[:-1] < len(space)]] = True
    kept = np.flatnonzero(~(space & after_space))
    bounds = np.searchsorted(kept, offsets)
    # a text may still end with one space: drop it
    ends = bounds[1:][bounds[1:] > bounds[:-1]] - 1
    trailing = ends[folded[kept[ends]] == ord(" ")]
    keep = np.ones(len(kept), dtype=bool)
    keep[trailing] = False
    kept = kept[keep]
    bounds = np.searchsorted(kept, offsets)
    return pa.LargeStringArray.from_buffers(
        len(texts), pa.py_buffer(bounds.astype(np.int64)), pa.py_buffer(folded[kept])
    )
