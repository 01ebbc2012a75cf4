"""The fingerprint of an article's content: exact copies share it whatever their case, spacing or punctuation."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import pyarrow as pa

from tasks.text.folding import fold_text, fold_texts, string_chunks

__all__ = ["content_hash", "content_hashes", "fold_text"]


def content_hash(body: str) -> str:
    """SHA-256 (hex) of the folded body."""
    return hashlib.sha256(fold_text(body).encode("utf-8")).hexdigest()


def content_hashes(bodies: Sequence[str] | pa.Array | pa.ChunkedArray) -> list[str]:
    """content_hash of each body; bodies folded together are folded much faster (folding.fold_texts), a
    slice at a time, so that only one slice of folded text is held as Python strings and the bodies are not
    copied."""
    return [
        hashlib.sha256(text.encode("utf-8")).hexdigest()
        for chunk in string_chunks(bodies).chunks
        for start in range(0, len(chunk), _SLICE)
        for text in fold_texts(chunk.slice(start, _SLICE)).to_pylist()
    ]


_SLICE = 1 << 15
