"""Language of a text (ISO 639-1), told by lingua among the languages a run allows."""

from __future__ import annotations

from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

MIN_LETTERS = 3
"""Shorter texts carry too little signal for a verdict; they get None."""
REMEMBERED_CHARS = 1000
REMEMBERED_TEXTS = 20_000
"""Verdicts on texts up to this long are kept, at most this many (about 20 MB): segments, not article bodies."""


@lru_cache(maxsize=4)
def language_detector(languages: tuple[str, ...]) -> LanguageDetector:
    """Build once per process (about 7 s for twelve languages); forked workers share it."""
    codes = [IsoCode639_1.from_str(code) for code in languages]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()


def detect_language(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of one text, or None when it cannot be told."""
    return detect_languages_of([text], languages)[0]


def detect_languages_of(texts: list[str], languages: tuple[str, ...]) -> list[str | None]:
    """ISO 639-1 codes of many texts; None for a text without enough letters to judge. Each distinct text is
    judged once: removed segments (notices, kickers) and syndicated bodies repeat across articles, and a short
    text's verdict is kept for the batches after it (an outlet's notices repeat on every page)."""
    judged = {text for text in texts if text and sum(ch.isalpha() for ch in text) >= MIN_LETTERS}
    codes = {
        text: (_short_text_language if len(text) <= REMEMBERED_CHARS else _language)(text, languages) for text in judged
    }
    return [codes.get(text) for text in texts]


def _language(text: str, languages: tuple[str, ...]) -> str | None:
    language = language_detector(languages).detect_language_of(text)  # lingua's parallel mode hangs in a fork
    return language.iso_code_639_1.name.lower() if language is not None else None


_short_text_language = lru_cache(maxsize=REMEMBERED_TEXTS)(_language)
