"""The fingerprint of an article's content: exact copies share it whatever their case, spacing or punctuation."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def fold_text(text: str) -> str:
    """Words of the text in lower case, separated by single spaces; punctuation becomes a word break."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(body: str) -> str:
    """SHA-256 (hex) of the folded body."""
    return hashlib.sha256(fold_text(body).encode("utf-8")).hexdigest()
