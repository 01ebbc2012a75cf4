"""Rows of the signature index: what a later run needs to compare new articles with this content.

One row per distinct content (content_hash): its MinHash signature, its distinct shingle count (to
estimate containment) and its fact hashes. Stored as bytes so a million rows load in one buffer.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from tasks.chunked import take
from tasks.dedup.facts import fact_codes
from tasks.dedup.minhash import minhash_signatures
from tasks.dedup.published import SIGNATURES_TABLE
from tasks.dedup.settings import DedupSettings
from tasks.dedup.shingles import shingle_hashes
from tasks.schemas import INTERNAL_TABLES
from tasks.text.folding import fold_texts, large_strings, string_chunks

SIGNATURE_COLUMNS = [c for c in INTERNAL_TABLES[SIGNATURES_TABLE].column_names if c != "run_id"]


@dataclass
class Signatures:
    """Decoded signatures of n contents, row i for content_hash[i]."""

    content_hash: pa.LargeStringArray
    minhash: np.ndarray
    shingle_count: np.ndarray
    fact_codes: np.ndarray
    fact_offsets: np.ndarray
    """Facts of row i: fact_codes[fact_offsets[i]:fact_offsets[i + 1]] (see facts.py)."""

    @classmethod
    def from_rows(cls, rows: pd.DataFrame, settings: DedupSettings) -> Signatures:
        minhash, _ = _binary_column(rows["minhash"], np.uint32)
        fact_codes, fact_offsets = _binary_column(rows["facts"], np.uint64)
        return cls(
            content_hash=large_strings(rows["content_hash"]),
            minhash=minhash.reshape(len(rows), settings.permutations),
            shingle_count=rows["shingle_count"].to_numpy(dtype=np.int64),
            fact_codes=fact_codes,
            fact_offsets=fact_offsets,
        )

    @classmethod
    def concat(cls, parts: Sequence[Signatures]) -> Signatures:
        if len(parts) == 1:
            return parts[0]
        shifts = np.cumsum([0] + [p.fact_offsets[-1] for p in parts[:-1]])
        return cls(
            content_hash=pa.concat_arrays([p.content_hash for p in parts]),
            minhash=np.concatenate([p.minhash for p in parts]),
            shingle_count=np.concatenate([p.shingle_count for p in parts]),
            fact_codes=np.concatenate([p.fact_codes for p in parts]),
            fact_offsets=np.concatenate(
                [[0]] + [p.fact_offsets[1:] + shift for p, shift in zip(parts, shifts, strict=True)]
            ),
        )

    @classmethod
    def empty(cls, settings: DedupSettings) -> Signatures:
        return cls(
            pa.array([], pa.large_string()),
            np.empty((0, settings.permutations), np.uint32),
            np.empty(0, np.int64),
            np.empty(0, np.uint64),
            np.zeros(1, np.int64),
        )

    def rows(self, article_ids: pd.Series, settings: DedupSettings) -> pd.DataFrame:
        """Signature rows (SIGNATURE_COLUMNS) of these contents, signed from `article_ids`; the binary columns
        share the arrays' memory."""
        n = len(self.shingle_count)
        return pd.DataFrame(
            {
                "content_hash": self.content_hash.to_pandas(),
                "article_id": article_ids.reset_index(drop=True),
                "scheme": pd.Series(settings.scheme, index=range(n), dtype="str"),
                "shingle_count": self.shingle_count.astype(np.int32, copy=False),
                "minhash": _binary_series(self.minhash.reshape(-1), np.arange(n + 1) * settings.permutations),
                "facts": _binary_series(self.fact_codes, self.fact_offsets),
            }
        )


def signature_rows(articles: pd.DataFrame, settings: DedupSettings, wanted: np.ndarray | None = None) -> pd.DataFrame:
    """Signature rows for articles (article_id, content_hash, body), one per distinct content, of the articles
    `wanted` (a mask; all by default): selected here, so that the caller's bodies are never copied.

    Signed `batch_size` texts at a time, `threads` batches at once (numpy and Arrow work without the GIL),
    into one matrix, which the minhash column then shares (no copies of the largest array).
    """
    firsts = ~articles["content_hash"].duplicated().to_numpy()
    firsts = np.flatnonzero(firsts if wanted is None else firsts & wanted)
    hashes, article_ids, bodies = (string_chunks(articles[c]) for c in ("content_hash", "article_id", "body"))
    hashes, article_ids = take(hashes, firsts), take(article_ids, firsts)
    minhash = np.empty((len(firsts), settings.permutations), dtype=np.uint32)
    shingle_count = np.empty(len(firsts), dtype=np.int32)

    def sign(start: int) -> tuple[np.ndarray, np.ndarray]:
        batch = take(bodies, firsts[start : start + settings.batch_size])
        shingles, offsets = shingle_hashes(fold_texts(batch), settings.shingle_words)
        minhash[start : start + len(batch)] = minhash_signatures(shingles, offsets, settings)
        shingle_count[start : start + len(batch)] = _distinct_counts(shingles, offsets)
        return fact_codes(batch)

    with ThreadPoolExecutor(settings.threads) as pool:
        facts = list(pool.map(sign, range(0, len(firsts), settings.batch_size)))
    codes = np.concatenate([np.empty(0, np.uint64)] + [c for c, _ in facts])
    shifts = np.cumsum([0] + [o[-1] for _, o in facts])
    fact_offsets = np.concatenate([[0]] + [o[1:] + shift for (_, o), shift in zip(facts, shifts, strict=False)])
    return Signatures(hashes, minhash, shingle_count, codes, fact_offsets).rows(article_ids.to_pandas(), settings)


def joined_rows(parts: Sequence[pd.DataFrame], settings: DedupSettings) -> pd.DataFrame:
    """Signature rows made in parts (one per staged part) as one frame whose binary columns are single buffers, so
    that decoding it (Signatures.from_rows) copies nothing: the parts are copied once, here."""
    if len(parts) == 1:
        return parts[0]
    joined = Signatures.concat([Signatures.from_rows(part, settings) for part in parts])
    return joined.rows(pd.concat([part["article_id"] for part in parts], ignore_index=True), settings)


def _binary_series(values: np.ndarray, offsets: np.ndarray) -> pd.Series:
    """One little-endian binary value per row, values[offsets[i]:offsets[i + 1]], sharing the values' memory."""
    width = values.dtype.itemsize
    data = pa.py_buffer(np.ascontiguousarray(values.astype(values.dtype.newbyteorder("<"), copy=False)))
    byte_offsets = pa.py_buffer((np.asarray(offsets, dtype=np.int64) * width).astype(np.int32))
    array = pa.Array.from_buffers(pa.binary(), len(offsets) - 1, [None, byte_offsets, data])
    return pd.Series(pd.arrays.ArrowExtensionArray(array))


def _binary_column(column: pd.Series, dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """The values of a binary column end to end, as `dtype`, and the offsets where each row's start."""
    array = pa.array(column, type=pa.binary(), from_pandas=True)
    if isinstance(array, pa.ChunkedArray):
        array = array.chunk(0) if array.num_chunks == 1 else array.combine_chunks()
    if len(array) == 0:
        return np.empty(0, dtype), np.zeros(1, np.int64)
    width = np.dtype(dtype).itemsize
    byte_offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset : array.offset + len(array) + 1]
    data = np.frombuffer(array.buffers()[2], dtype=np.uint8)[byte_offsets[0] : byte_offsets[-1]]
    values = data.view(np.dtype(dtype).newbyteorder("<")).astype(dtype, copy=False)
    return values, ((byte_offsets - byte_offsets[0]) // width).astype(np.int64)


def _distinct_counts(shingles: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Distinct shingles of each text."""
    text = np.repeat(np.arange(len(offsets) - 1, dtype=np.uint64), np.diff(offsets))
    keys = np.sort((text << np.uint64(32)) | shingles.astype(np.uint64))
    first = np.concatenate([[True], keys[1:] != keys[:-1]])
    return np.bincount((keys[first] >> np.uint64(32)).astype(np.int64), minlength=len(offsets) - 1)
