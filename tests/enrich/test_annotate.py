"""The enrichment interface the pipeline calls: frames, identities across articles, failures, the worker pool."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest

from tasks.enrich.annotate import enrich_articles
from tasks.enrich.annotation import ANNOTATORS
from tasks.enrich.dates import date_mentions
from tasks.enrich.model import entity_spans
from tasks.enrich.names import entity_id
from tasks.pool import SMALL_INPUT
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT, Settings

SETTINGS = Settings(workers=1)
NO_ENTITIES = pd.DataFrame(columns=["entity_id", "name", "type", "country_code", "country_codes"])


def _articles(*bodies: str, published: str | None = "2022-01-14") -> pd.DataFrame:
    stamp = pd.Timestamp(published, tz="UTC") if published else None
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(bodies))],
            "title": ["t"] * len(bodies),
            "body": list(bodies),
            "published_at": pd.Series([stamp] * len(bodies), dtype="datetime64[us, UTC]"),
        }
    )


def _names(enrichment, article_id: str) -> dict[str, str]:
    """Mention text -> canonical name of the entity it links to."""
    names = dict(zip(enrichment.entities.entity_id, enrichment.entities.name, strict=True))
    mentions = enrichment.mentions[enrichment.mentions.article_id == article_id]
    return {text: names[i] for text, i in zip(mentions.text, mentions.entity_id, strict=True)}


BODIES = (
    "Estonian Prime Minister Kaja Kallas met NATO officials in Brussels on Wednesday.\n\n"
    '"We must stay united," Kallas said. She flew on to Moscow, where the Kremlin said nothing.',
    "Kallas spoke again in Riga, with the North Atlantic Treaty Organization watching the Baltic states.",
)


@pytest.fixture(scope="module")
def enriched():
    articles = _articles(*BODIES)
    return articles, enrich_articles(articles, NO_ENTITIES, SETTINGS)


def test_frames_carry_the_schema_columns_and_types(enriched):
    _, enrichment = enriched
    for table in ("entities", "mentions", "quotes", "date_mentions"):
        frame = getattr(enrichment, table)
        schema = TABLES[table].schema
        expected = [name for name in schema.names if name != "run_id"]
        assert list(frame.columns) == expected
        pa.Table.from_pandas(frame, schema=pa.schema([schema.field(n) for n in expected]), preserve_index=False)
    assert list(enrichment.articles.columns) == ["article_id", "language", "tone", "polarity", "keyphrases"]


def test_offsets_point_at_the_text(enriched):
    articles, enrichment = enriched
    bodies = dict(zip(articles.article_id, articles.body, strict=True))
    for frame in (enrichment.mentions, enrichment.date_mentions):
        for row in frame.itertuples():
            assert bodies[row.article_id][row.start : row.end] == row.text


def test_one_person_under_every_form_of_the_name(enriched):
    _, enrichment = enriched
    first, second = _names(enrichment, "a0"), _names(enrichment, "a1")
    assert first["Kaja Kallas"] == first["Kallas"] == "Kaja Kallas"
    persons = enrichment.entities[enrichment.entities.type == "PERSON"]
    assert list(persons.name).count("Kaja Kallas") == 1
    mention = enrichment.mentions[
        (enrichment.mentions.article_id == "a0") & (enrichment.mentions.text == "Kaja Kallas")
    ]
    assert mention.role.tolist() == ["Prime Minister"]
    assert second.get("North Atlantic Treaty Organization") == "NATO"


def test_places_carry_country_codes(enriched):
    _, enrichment = enriched
    codes = dict(zip(enrichment.mentions.text, enrichment.mentions.country_codes, strict=True))
    assert codes["Estonian"] == ["EE"] and codes["Brussels"] == ["BE"] and codes["Moscow"] == ["RU"]
    assert codes["Kremlin"] == ["RU"]
    assert codes["Baltic states"] == ["EE", "LV", "LT"]
    entities = enrichment.entities.set_index("name")
    assert pd.isna(entities.loc["Baltic states", "country_code"])
    assert entities.loc["Brussels", "country_code"] == "BE"


def test_quotes_link_speakers_to_entities(enriched):
    _, enrichment = enriched
    quote = enrichment.quotes.iloc[0]
    assert (quote.text, quote.speaker, quote.cue) == ("We must stay united", "Kallas", "said")
    assert quote.speaker_entity_id == entity_id("PERSON", "Kaja Kallas")
    assert quote.speaker_entity_id in set(enrichment.entities.entity_id)


def test_articles_get_language_tone_and_keyphrases(enriched):
    _, enrichment = enriched
    row = enrichment.articles.iloc[0]
    assert row.language == "en"
    assert -1 <= row.polarity <= 1 and row.tone is not None
    assert 0 < len(row.keyphrases) <= 10


def test_dates_resolve_against_publication_and_not_without_it(enriched):
    _, enrichment = enriched
    assert enrichment.date_mentions.iloc[0].date == date(2022, 1, 12)
    unanchored = enrich_articles(_articles(BODIES[0], published=None), NO_ENTITIES, SETTINGS).date_mentions
    assert unanchored.iloc[0].date is None and not unanchored.iloc[0].resolved


def test_ids_are_stable_across_runs_and_known_entities_link_a_lone_surname():
    known = enrich_articles(_articles(BODIES[0]), NO_ENTITIES, SETTINGS).entities
    again = enrich_articles(_articles("Kallas said the alliance was strong."), known, SETTINGS)
    assert _names(again, "a0")["Kallas"] == "Kaja Kallas"
    assert set(again.entities.entity_id) <= set(known.entity_id)
    alone = enrich_articles(_articles("Kallas said the alliance was strong."), NO_ENTITIES, SETTINGS)
    assert _names(alone, "a0")["Kallas"] == "Kallas"


def test_an_article_without_text_is_reported_and_the_others_go_on():
    articles = _articles(BODIES[0], "placeholder")
    articles.loc[1, "body"] = None
    enrichment = enrich_articles(articles, NO_ENTITIES, SETTINGS)
    ((article_id, reason),) = enrichment.unreadable
    assert article_id == "a1" and reason.endswith("not text")
    assert enrichment.articles.article_id.tolist() == ["a0"]


def test_a_failing_annotator_costs_its_own_annotation_only(monkeypatch):
    def unreadable_dates(body, published_on):
        if "Riga" in body:
            raise ValueError("no calendar for\nthis body")
        return date_mentions(body, published_on)

    monkeypatch.setitem(ANNOTATORS, "dates", unreadable_dates)
    enrichment = enrich_articles(_articles(*BODIES), NO_ENTITIES, SETTINGS)
    assert enrichment.unreadable == []
    assert enrichment.annotation_failures.to_dict("records") == [
        {"article_id": "a1", "annotator": "dates", "error": "ValueError: no calendar for"}
    ]
    assert enrichment.articles.article_id.tolist() == ["a0", "a1"]
    assert set(enrichment.mentions.article_id) == {"a0", "a1"}
    assert set(enrichment.date_mentions.article_id) == {"a0"}
    assert enrichment.articles.set_index("article_id").loc["a1", "language"] == "en"


def test_a_batch_the_recognizer_fails_on_is_read_again_an_article_at_a_time(monkeypatch):
    def fragile(texts, model):
        if any("Riga" in text for text in texts):
            raise RuntimeError("the recognizer choked")
        return entity_spans(texts, model)

    monkeypatch.setitem(ANNOTATORS, "entities", fragile)
    enrichment = enrich_articles(_articles(*BODIES), NO_ENTITIES, SETTINGS)
    assert enrichment.annotation_failures[["article_id", "annotator"]].values.tolist() == [["a1", "entities"]]
    assert set(enrichment.mentions.article_id) == {"a0"}
    assert len(enrichment.quotes) == 1 and enrichment.articles.keyphrases.map(len).min() > 0


def test_the_suite_names_every_annotator():
    suite = json.loads((PROJECT_ROOT / "expectations" / "annotation_failures.json").read_text())
    (allowed,) = [e["kwargs"]["value_set"] for e in suite["expectations"] if e["type"].endswith("_in_set")]
    assert allowed == list(ANNOTATORS)


def test_empty_input_gives_empty_frames():
    enrichment = enrich_articles(_articles(), NO_ENTITIES, SETTINGS)
    assert enrichment.unreadable == [] and all(
        len(getattr(enrichment, t)) == 0 for t in ("articles", "entities", "mentions", "annotation_failures")
    )


def test_worker_pool_gives_what_one_process_gives():
    bodies = [f"{BODIES[i % 2]} Item {i} was filed in 2014." for i in range(SMALL_INPUT)]
    articles = _articles(*bodies)
    alone = enrich_articles(articles, NO_ENTITIES, SETTINGS)
    pooled = enrich_articles(articles, NO_ENTITIES, SETTINGS.with_(workers=2, batch_size=64))
    for table in ("articles", "entities", "mentions", "quotes", "date_mentions"):
        pd.testing.assert_frame_equal(getattr(alone, table), getattr(pooled, table))


def test_a_word_for_word_copy_gets_its_originals_annotation_under_its_own_id():
    articles = _articles(BODIES[0], BODIES[1], BODIES[0])
    articles.loc[2, "published_at"] = pd.Timestamp("2022-01-20", tz="UTC")  # same words, another day
    articles = pd.concat([articles, _articles(BODIES[0]).assign(article_id="copy")], ignore_index=True)
    result = enrich_articles(articles, NO_ENTITIES, SETTINGS)

    def rows(table: str, article_id: str) -> list[tuple]:
        frame = getattr(result, table)
        frame = frame[frame.article_id == article_id].drop(columns=["article_id", "quote_id"], errors="ignore")
        return [tuple(map(str, row)) for row in frame.itertuples(index=False)]

    for table in ("mentions", "quotes", "date_mentions"):
        assert rows(table, "copy") == rows(table, "a0") and rows(table, "a0")
    quote_ids = result.quotes.groupby("article_id")["quote_id"].apply(set)
    assert quote_ids["copy"].isdisjoint(quote_ids["a0"])
    wednesday = result.date_mentions[result.date_mentions.text == "on Wednesday"].set_index("article_id")["date"]
    assert wednesday["a2"] != wednesday["a0"] == wednesday["copy"]  # resolved against each copy's own day
