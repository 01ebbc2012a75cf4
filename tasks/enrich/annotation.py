"""Everything enrichment learns from one article's body, as plain picklable values (worker processes return these)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from tasks.enrich.dates import DateMention, date_mentions
from tasks.enrich.keyphrases import keyphrases
from tasks.enrich.language import detect_languages_of, language_detector
from tasks.enrich.mentions import Mention, article_mentions
from tasks.enrich.model import ner_pipeline
from tasks.enrich.quotes import Quote, article_quotes
from tasks.enrich.tone import Tone, tone_of

LANGUAGE_SAMPLE_CHARS = 300
"""Language is told from the start of the body: lingua needs about 120 characters for a sure verdict on
a text in one language, and its cost grows with the length."""


class ArticleRecord(NamedTuple):
    article_id: str
    body: str
    published_on: date | None


class ArticleAnnotation(NamedTuple):
    article_id: str
    language: str | None
    tone: Tone
    keyphrases: list[str]
    mentions: list[Mention]
    quotes: list[tuple[Quote, float | None]]
    """Each quote with its VADER polarity."""
    dates: list[DateMention]


class Failure(NamedTuple):
    article_id: str
    reason: str


def load_annotators(model: str, languages: tuple[str, ...]) -> None:
    """Load the spaCy model and the language detector, once per process."""
    ner_pipeline(model)
    language_detector(tuple(languages))


def annotate_records(
    records: list[ArticleRecord], model: str, languages: tuple[str, ...]
) -> list[ArticleAnnotation | Failure]:
    """Annotate a batch with one nlp.pipe call; an article that raises becomes a Failure, the others go on."""
    nlp = ner_pipeline(model)
    texts = [r.body if isinstance(r.body, str) else "" for r in records]
    languages_found = detect_languages_of([t[:LANGUAGE_SAMPLE_CHARS] for t in texts], languages)
    try:
        docs = list(nlp.pipe(texts))
    except Exception:  # one bad text must not sink its batch: find it by going one at a time
        docs = [_doc_or_error(nlp, text) for text in texts]
    return [
        _annotate_guarded(r, language, doc) for r, language, doc in zip(records, languages_found, docs, strict=True)
    ]


def _doc_or_error(nlp, text: str):
    try:
        return nlp(text)
    except Exception as exc:
        return exc


def _annotate_guarded(record: ArticleRecord, language: str | None, doc) -> ArticleAnnotation | Failure:
    try:
        if not isinstance(record.body, str):
            raise TypeError(f"body is {type(record.body).__name__}, not text")
        if isinstance(doc, Exception):
            raise doc
        return annotate_article(record, language, [(e.start_char, e.end_char, e.label_) for e in doc.ents])
    except Exception as exc:
        return Failure(record.article_id, f"{type(exc).__name__}: {exc}".splitlines()[0][:300])


def annotate_article(
    record: ArticleRecord, language: str | None, spans: list[tuple[int, int, str]]
) -> ArticleAnnotation:
    """The article's annotation from its body and the entity spans spaCy found in it."""
    body = record.body
    mentions = article_mentions(body, spans)
    return ArticleAnnotation(
        article_id=record.article_id,
        language=language,
        tone=tone_of(body),
        keyphrases=keyphrases(body),
        mentions=mentions,
        quotes=[(quote, tone_of(quote.text).polarity) for quote in article_quotes(body, mentions)],
        dates=date_mentions(body, record.published_on),
    )
