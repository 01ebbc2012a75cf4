"""Rows of the signature index: what a later run needs to compare new articles with this content.

One row per distinct content (content_hash): its MinHash signature, its distinct shingle count (to
estimate containment) and its fact hashes. Stored as bytes so a million rows load in one buffer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from tasks.dedup.content_hash import fold_text
from tasks.dedup.facts import fact_codes
from tasks.dedup.minhash import minhash_signatures
from tasks.dedup.published import SIGNATURES_TABLE
from tasks.dedup.settings import DedupSettings
from tasks.dedup.shingles import shingle_hashes
from tasks.schemas import INTERNAL_TABLES

SIGNATURE_COLUMNS = [c for c in INTERNAL_TABLES[SIGNATURES_TABLE].column_names if c != "run_id"]


@dataclass
class Signatures:
    """Decoded signatures of n contents, row i for content_hash[i]."""

    content_hash: np.ndarray
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
            content_hash=rows["content_hash"].to_numpy(dtype=object),
            minhash=minhash.reshape(len(rows), settings.permutations),
            shingle_count=rows["shingle_count"].to_numpy(dtype=np.int64),
            fact_codes=fact_codes,
            fact_offsets=fact_offsets,
        )

    @classmethod
    def concat(cls, parts: Sequence[Signatures]) -> Signatures:
        shifts = np.cumsum([0] + [p.fact_offsets[-1] for p in parts[:-1]])
        return cls(
            content_hash=np.concatenate([p.content_hash for p in parts]),
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
            np.empty(0, object),
            np.empty((0, settings.permutations), np.uint32),
            np.empty(0, np.int64),
            np.empty(0, np.uint64),
            np.zeros(1, np.int64),
        )


def signature_rows(articles: pd.DataFrame, settings: DedupSettings) -> pd.DataFrame:
    """Signature rows for articles (article_id, content_hash, body), one per distinct content."""
    firsts = np.flatnonzero(~articles["content_hash"].duplicated().to_numpy())
    parts = [
        _batch_rows(articles.iloc[firsts[i : i + settings.batch_size]], settings)
        for i in range(0, len(firsts), settings.batch_size)
    ]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SIGNATURE_COLUMNS})
    return pd.concat(parts, ignore_index=True)


def _batch_rows(batch: pd.DataFrame, settings: DedupSettings) -> pd.DataFrame:
    bodies = batch["body"].tolist()
    shingles, offsets = shingle_hashes([fold_text(b) for b in bodies], settings.shingle_words)
    minhash = minhash_signatures(shingles, offsets, settings)
    codes, fact_offsets = fact_codes(bodies)
    return pd.DataFrame(
        {
            "content_hash": batch["content_hash"].to_numpy(),
            "article_id": batch["article_id"].to_numpy(),
            "scheme": settings.scheme,
            "shingle_count": _distinct_counts(shingles, offsets).astype(np.int32),
            "minhash": _binary_series(minhash.reshape(-1), np.arange(len(bodies) + 1) * minhash.shape[1]),
            "facts": _binary_series(codes, fact_offsets),
        }
    )


def _binary_series(values: np.ndarray, offsets: np.ndarray) -> pd.Series:
    """One little-endian binary value per row, values[offsets[i]:offsets[i + 1]], held in one Arrow buffer."""
    width = values.dtype.itemsize
    data = pa.py_buffer(values.astype(values.dtype.newbyteorder("<"), copy=False).tobytes())
    byte_offsets = pa.py_buffer((np.asarray(offsets, dtype=np.int64) * width).astype(np.int32).tobytes())
    array = pa.Array.from_buffers(pa.binary(), len(offsets) - 1, [None, byte_offsets, data])
    return pd.Series(pd.arrays.ArrowExtensionArray(array))


def _binary_column(column: pd.Series, dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """The values of a binary column end to end, as `dtype`, and the offsets where each row's start."""
    array = pa.array(column, type=pa.binary(), from_pandas=True)
    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
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
