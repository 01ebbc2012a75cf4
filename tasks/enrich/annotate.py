"""Enrichment of cleaned articles: language, entities, mentions, quotes, dates, tone and keyphrases."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import partial

import pandas as pd
import pyarrow as pa

from tasks.enrich.annotation import ArticleAnnotation, ArticleRecord, Unreadable, annotate_records, load_annotators
from tasks.enrich.entities import EntityIndex
from tasks.enrich.quotes import Quote
from tasks.pool import map_batches, split_for_workers
from tasks.schemas import TABLES
from tasks.settings import Settings

ARTICLE_COLUMNS = ("article_id", "language", "tone", "polarity", "keyphrases")


@dataclass
class Enrichment:
    articles: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    date_mentions: pd.DataFrame
    annotation_failures: pd.DataFrame
    """(article_id, annotator, error) of each annotator that failed on an article: that annotation is empty."""
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    """(article_id, reason) of each article whose body is no text: it has no annotation at all."""


def enrich_articles(articles: pd.DataFrame, known_entities: pd.DataFrame, settings: Settings) -> Enrichment:
    """Annotate every article; frames follow tasks/schemas.py without run_id; failures are listed, never raised."""
    records = [
        ArticleRecord(r.article_id, r.body, _day(r.published_at))
        for r in articles[["article_id", "body", "published_at"]].itertuples(index=False)
    ]
    results = _annotate_distinct(records, settings)
    done = [r for r in results if isinstance(r, ArticleAnnotation)]
    index = EntityIndex(known_entities)
    index.learn_acronyms(m.name for a in done for m in a.mentions if m.type == "ORG")
    mention_rows = [
        {
            "article_id": a.article_id,
            "entity_id": index.link(m),
            "text": m.text,
            "type": m.type,
            "start": m.start,
            "end": m.end,
            "role": m.role,
            "country_codes": list(m.country_codes),
        }
        for a in done
        for m in a.mentions
    ]
    quote_rows = [_quote_row(a.article_id, quote, polarity, index) for a in done for quote, polarity in a.quotes]
    referenced = [r["entity_id"] for r in mention_rows] + [
        r["speaker_entity_id"] for r in quote_rows if r["speaker_entity_id"]
    ]
    date_rows = [{"article_id": a.article_id, **d._asdict()} for a in done for d in a.dates]
    failure_rows = [
        {"article_id": a.article_id, "annotator": annotator, "error": error}
        for a in done
        for annotator, error in a.failures
    ]
    return Enrichment(
        articles=_frame(ARTICLE_COLUMNS, "articles", [_article_row(a) for a in done]),
        entities=_frame(_columns("entities"), "entities", index.entity_rows(referenced)),
        mentions=_frame(_columns("mentions"), "mentions", mention_rows),
        quotes=_frame(_columns("quotes"), "quotes", quote_rows),
        date_mentions=_frame(_columns("date_mentions"), "date_mentions", date_rows),
        annotation_failures=_frame(_columns("annotation_failures"), "annotation_failures", failure_rows),
        unreadable=[(r.article_id, r.reason) for r in results if isinstance(r, Unreadable)],
    )


def _annotate_distinct(records: list[ArticleRecord], settings: Settings) -> list[ArticleAnnotation | Unreadable]:
    """The annotation of every record, each distinct (body, day) annotated once: a syndicated copy that repeats
    its original word for word, on the same day, has exactly the original's annotation under its own id."""
    distinct: dict[tuple[str, date | None], ArticleRecord] = {}
    for record in records:
        distinct.setdefault((record.body, record.published_on), record)
    languages = tuple(settings.languages)
    work = partial(annotate_records, model=settings.spacy_model, languages=languages)
    prepare = partial(load_annotators, settings.spacy_model, languages)
    batches = split_for_workers(list(distinct.values()), settings.workers, settings.batch_size)
    done = {
        r.article_id: r for batch in map_batches(work, batches, prepare, settings.workers, len(distinct)) for r in batch
    }
    return [done[distinct[(r.body, r.published_on)].article_id]._replace(article_id=r.article_id) for r in records]


def _article_row(a: ArticleAnnotation) -> dict:
    return {
        "article_id": a.article_id,
        "language": a.language,
        "tone": a.tone.tone,
        "polarity": a.tone.polarity,
        "keyphrases": a.keyphrases,
    }


def _quote_row(article_id: str, quote: Quote, polarity: float | None, index: EntityIndex) -> dict:
    return {
        "quote_id": quote_id(article_id, quote.start),
        "article_id": article_id,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "speaker": quote.speaker,
        "speaker_entity_id": index.link(quote.speaker_mention) if quote.speaker_mention else None,
        "cue": quote.cue,
        "polarity": polarity,
    }


def quote_id(article_id: str, start: int) -> str:
    """Stable id of a quote: a hash of its article and where it starts."""
    return hashlib.sha256(f"{article_id}\x1f{start}".encode()).hexdigest()[:16]


def _day(published_at) -> date | None:
    """The UTC calendar day relative dates resolve against."""
    if published_at is None or pd.isna(published_at):
        return None
    stamp = pd.Timestamp(published_at)
    return (stamp.tz_convert("UTC") if stamp.tzinfo else stamp).date()


def _columns(table: str) -> list[str]:
    return [c for c in TABLES[table].column_names if c != "run_id"]


def _frame(columns, table: str, rows: list[dict]) -> pd.DataFrame:
    """A frame with exactly the table's Arrow types for `columns` (lists stay Python lists)."""
    schema = pa.schema([TABLES[table].schema.field(c) for c in columns])
    frame = pa.Table.from_pylist(rows, schema=schema).to_pandas()
    for name in columns:
        if pa.types.is_list(schema.field(name).type):
            frame[name] = [list(v) for v in frame[name]]
    return frame
