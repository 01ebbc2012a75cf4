"""The spaCy pipeline enrichment runs: named-entity recognition only, loaded once per process, read a line at a
time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_LINE = re.compile(r"[^\n]+")

MAX_PIECE_CHARS = 100_000
"""A longer line is read in pieces cut after a sentence (else at a space): spaCy refuses texts over a million
characters, and a piece's memory grows with its length."""


@lru_cache(maxsize=2)
def ner_pipeline(model: str) -> Language:
    """Load `model` with every component but the entity recognizer disabled (tagger and parser cost half the time).

    spaCy is imported here, not with the module: a run with nothing new to enrich never pays for its import."""
    import spacy

    return spacy.load(model, enable=["ner"])


def entity_spans(texts: list[str], model: str) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) of every entity in each text, offsets into the text. The recognizer reads each line on
    its own, so no entity runs over a line or paragraph break: a twenty-line menu is never one name."""
    pieces = [(n, offset, piece) for n, text in enumerate(texts) for offset, piece in _pieces(text)]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    docs = ner_pipeline(model).pipe(piece for _, _, piece in pieces)
    for (n, offset, _), doc in zip(pieces, docs, strict=True):
        spans[n] += [(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents]
    return spans


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """The lines of a text with their offsets; a line over MAX_PIECE_CHARS in pieces."""
    for line in _LINE.finditer(text):
        start, end = line.span()
        while end - start > MAX_PIECE_CHARS:
            limit = start + MAX_PIECE_CHARS
            cut = text.rfind(". ", start, limit) + 1 or text.rfind(" ", start, limit)
            cut = cut if cut > start else limit
            yield start, text[start:cut]
            start = cut
        yield start, text[start:end]
