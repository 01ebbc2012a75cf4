"""Quotes and speakers of the seed articles against the gold in gold/seed_quotes.json (matched by text)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from tasks.clean.article import PageHints, clean_document
from tasks.enrich.annotate import enrich_articles
from tasks.enrich.names import fold
from tasks.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((Path(__file__).parent / "gold" / "seed_quotes.json").read_text(encoding="utf-8"))["seeds"]


def _key(text: str) -> str:
    """Quotes compared on words only: cleaning may change spacing or punctuation around them."""
    return " ".join(re.findall(r"\w+", text.casefold()))


@pytest.fixture(scope="module")
def seeds():
    rows = []
    for name in GOLD:
        article = clean_document((ROOT / "seeds" / name).read_text(encoding="utf-8"), None, PageHints())
        rows.append(
            {"article_id": name, "title": article.title, "body": article.body, "published_at": article.published_at}
        )
    articles = pd.DataFrame(rows)
    return articles, enrich_articles(articles, pd.DataFrame(), Settings(workers=1))


def _found(enrichment, name: str) -> list[tuple[str, str | None]]:
    names = dict(zip(enrichment.entities.entity_id, enrichment.entities.name, strict=True))
    quotes = enrichment.quotes[enrichment.quotes.article_id == name]
    return [(_key(t), names.get(s)) for t, s in zip(quotes.text, quotes.speaker_entity_id, strict=True)]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_every_gold_quote_still_in_the_body_is_found_with_its_speaker(seeds, name):
    articles, enrichment = seeds
    body = _key(articles.set_index("article_id").body[name])
    found = _found(enrichment, name)
    present = [q for q in GOLD[name]["quotes"] if _key(q["text"])[:60] in body]
    assert len(present) >= len(GOLD[name]["quotes"]) - 1, "cleaning removed more than one quoted paragraph"
    for quote in present:
        matches = [speaker for text, speaker in found if text == _key(quote["text"])]
        assert matches, f"not found: {quote['text'][:60]}"
        # the speaker's entity, named by the preferred spelling of all the seeds' (an accented one when written)
        assert matches[0] is not None and fold(matches[0]) == fold(quote["speaker"]), quote["text"][:60]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_nothing_but_gold_quotes_is_found(seeds, name):
    _, enrichment = seeds
    gold = {_key(q["text"]) for q in GOLD[name]["quotes"]}
    extra = [text for text, _ in _found(enrichment, name) if text not in gold]
    assert not extra
    for phrase in GOLD[name]["not_quotes"]:
        assert _key(phrase) not in {text for text, _ in _found(enrichment, name)}


def test_quote_offsets_hold_for_single_piece_quotes(seeds):
    articles, enrichment = seeds
    bodies = articles.set_index("article_id").body
    for row in enrichment.quotes.itertuples():
        span = bodies[row.article_id][row.start : row.end]
        assert span == row.text or "\n" in span or (row.cue or "") in span
