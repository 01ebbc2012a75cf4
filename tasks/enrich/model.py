"""The spaCy pipeline enrichment runs: named-entity recognition only, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=2)
def ner_pipeline(model: str) -> Language:
    """Load `model` with every component but the entity recognizer disabled (tagger and parser cost half the time).

    spaCy is imported here, not with the module: a run with nothing new to enrich never pays for its import."""
    import spacy

    return spacy.load(model, enable=["ner"])
