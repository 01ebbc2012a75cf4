"""Tone of a text with VADER: the GDELT-style tone (positive minus negative words per 100 words) and VADER's
compound polarity.

VADER is built for sentences and its cost grows with the square of a text's length, so a body is scored one
sentence at a time and the sentence valences are summed into one compound score, as VADER sums a sentence's words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n+")


class Tone(NamedTuple):
    tone: float | None
    """(positive - negative words) per 100 words; None for a text without words."""
    polarity: float | None
    """VADER compound score in [-1, 1]."""


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone_of(text: str) -> Tone:
    """Tone and polarity of a body or a quotation."""
    words = len(text.split())
    if not words:
        return Tone(None, None)
    valences = [v for sentence in _SENTENCE_SPLIT.split(text) if sentence.strip() for v in _word_valences(sentence)]
    positive = sum(v > 0 for v in valences)
    negative = sum(v < 0 for v in valences)
    compound = analyzer().score_valence(valences, text)["compound"]
    return Tone(round(100.0 * (positive - negative) / words, 4), compound)


def _word_valences(sentence: str) -> list[float]:
    """VADER's valence of each word of one sentence (negations, boosters, capitals and "but" applied).

    Only words of the lexicon have a valence (context only scales it), so a sentence without one is all zeros and
    VADER's context rules run for lexicon words alone."""
    vader = analyzer()
    text = SentiText(sentence)
    words = text.words_and_emoticons
    lowered = [word.lower() for word in words]
    if vader.lexicon.keys().isdisjoint(lowered):
        return [0.0] * len(words)
    valences: list[float] = []
    for i, word in enumerate(words):
        key = lowered[i]
        if key not in vader.lexicon or key in BOOSTER_DICT or (key == "kind" and lowered[i + 1 : i + 2] == ["of"]):
            valences.append(0.0)
            continue
        valences = vader.sentiment_valence(0.0, text, word, i, valences)
    return vader._but_check(words, valences)
