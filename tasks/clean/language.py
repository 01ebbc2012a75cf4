"""Which language a line is in: a cheap English function-word test first, lingua only to confirm the few doubtful
lines."""

from __future__ import annotations

from functools import lru_cache

from tasks.clean.lines import words
from tasks.settings import Settings

_ENGLISH = frozenset(
    "the a an of to in on and or but is are was were be been has have had it its this that these those with for "
    "from by at as not no we you he she they his her their our your will would can could should may might said "
    "says who which what when where there than then also after before about over into more most".split()
)
_ENGLISH_SHARE = 0.12
_MIN_WORDS = 4
_SAMPLE_CHARS = 1000
"""lingua's time grows with the text; its first thousand characters tell the language as well."""


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in Settings().languages]
    return LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(0.25).build()


def english_share(text: str) -> float:
    tokens = [token.lower() for token in words(text)]
    return sum(token in _ENGLISH for token in tokens) / len(tokens) if tokens else 0.0


def looks_english(text: str) -> bool:
    return english_share(text) >= _ENGLISH_SHARE


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of text, or None when it is too short or lingua cannot tell."""
    if len(words(text)) < _MIN_WORDS:
        return None
    if looks_english(text):
        return "en"
    language = _detector().detect_language_of(text[:_SAMPLE_CHARS])
    return language.iso_code_639_1.name.lower() if language else None
