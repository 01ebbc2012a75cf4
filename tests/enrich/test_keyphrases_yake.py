"""The compact YAKE agrees with the yake package it re-implements: the same top ten on news-like texts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yake

from benchmarks.corpus import syndication_corpus
from tasks.enrich.keyphrases import TOP, keyphrases
from tasks.settings import PROJECT_ROOT

FIXTURES = sorted((Path(__file__).parent / "keyphrase_texts").glob("*.txt")) + sorted(
    (PROJECT_ROOT / "seeds").glob("*.txt")
)
TEXTS = [path.read_text() for path in FIXTURES] + syndication_corpus(30, seed=3).body.tolist()


@pytest.fixture(scope="module")
def agreement() -> list[int]:
    """For each text, how many of the package's ten phrases (lower case) are among ours."""
    package = yake.KeywordExtractor(lan="en", n=3, top=TOP)
    return [
        len({p.lower() for p in keyphrases(text)} & {p.lower() for p, _ in package.extract_keywords(text)})
        for text in TEXTS
    ]


def test_the_top_ten_agree_with_the_package(agreement):
    assert len(agreement) == len(FIXTURES) + 30
    assert min(agreement) >= 7, agreement
    assert sum(agreement) / len(agreement) >= 9.5, agreement


def test_a_word_that_is_a_stopword_in_one_form_only_is_scored(agreement):
    text = "Changes to the budget. The change was small. Change matters. Changes came late."
    reference = [p.lower() for p, _ in yake.KeywordExtractor(lan="en", n=3, top=TOP).extract_keywords(text)]
    assert [p.lower() for p in keyphrases(text)] == reference
