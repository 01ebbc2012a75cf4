"""Everything enrichment learns from one article's body, as plain picklable values (worker processes return these).

An annotator that fails on an article costs that annotation only: the article keeps every other one, and the
failure is recorded with the annotator's name and the error."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import NamedTuple, TypeVar

from tasks.enrich.dates import DateMention, date_mentions
from tasks.enrich.keyphrases import keyphrases
from tasks.enrich.language import detect_languages_of, language_detector
from tasks.enrich.mentions import Mention, article_mentions
from tasks.enrich.model import entity_spans, ner_pipeline
from tasks.enrich.quotes import Quote, article_quotes
from tasks.enrich.tone import Tone, tone_of

LANGUAGE_SAMPLE_CHARS = 300
"""Language is told from the start of the body: lingua needs about 120 characters for a sure verdict on
a text in one language, and its cost grows with the length."""

ANNOTATORS: dict[str, Callable] = {
    "language": detect_languages_of,
    "entities": entity_spans,
    "quotes": article_quotes,
    "dates": date_mentions,
    "tone": tone_of,
    "keyphrases": keyphrases,
}
"""Every annotator under the name its failures are recorded with, looked up here each time it runs. Language and
entities run over a batch of bodies (one at a time again when the batch raises), the others an article at a time."""

Value = TypeVar("Value")


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
    failures: tuple[tuple[str, str], ...] = ()
    """(annotator, error) of each annotator that failed: its annotation above is empty."""


class Unreadable(NamedTuple):
    """An article whose body is no text at all: nothing can annotate it."""

    article_id: str
    reason: str


def load_annotators(model: str, languages: tuple[str, ...]) -> None:
    """Load the spaCy model and the language detector, once per process."""
    ner_pipeline(model)
    language_detector(tuple(languages))


def annotate_records(
    records: list[ArticleRecord], model: str, languages: tuple[str, ...]
) -> list[ArticleAnnotation | Unreadable]:
    """Annotate a batch, language and entities over the whole batch at once."""
    readable = [r for r in records if isinstance(r.body, str)]
    bodies = [r.body for r in readable]
    samples = [body[:LANGUAGE_SAMPLE_CHARS] for body in bodies]
    languages_found = _each(lambda texts: ANNOTATORS["language"](texts, languages), samples)
    spans = _each(lambda texts: ANNOTATORS["entities"](texts, model), bodies)
    annotated = iter(map(annotate_article, readable, languages_found, spans))
    return [
        next(annotated) if isinstance(r.body, str) else Unreadable(r.article_id, _not_text(r.body)) for r in records
    ]


def _not_text(body: object) -> str:
    return f"the body is {type(body).__name__}, not text"


def _each(run: Callable[[list[str]], list[Value]], texts: list[str]) -> list[Value | Exception]:
    """run(texts); when the batch raises, each text alone, the error standing for the result of a text it fails on."""
    try:
        return run(texts)
    except Exception:
        return [_alone(run, text) for text in texts]


def _alone(run: Callable[[list[str]], list[Value]], text: str) -> Value | Exception:
    try:
        return run([text])[0]
    except Exception as exc:
        return exc


def annotate_article(
    record: ArticleRecord, language: str | None | Exception, spans: list[tuple[int, int, str]] | Exception
) -> ArticleAnnotation:
    """The article's annotation from its body, its language and the entity spans spaCy found in it (either of those
    two is the error its annotator raised)."""
    body = record.body
    failures: list[tuple[str, str]] = []

    def attempt(annotator: str, work: Callable[[], Value], empty: Value) -> Value:
        try:
            return work()
        except Exception as exc:
            failures.append((annotator, one_line(exc)))
            return empty

    mentions = attempt("entities", lambda: article_mentions(body, _value(spans)), [])
    return ArticleAnnotation(
        article_id=record.article_id,
        language=attempt("language", lambda: _value(language), None),
        tone=attempt("tone", lambda: ANNOTATORS["tone"](body), Tone(None, None)),
        keyphrases=attempt("keyphrases", lambda: ANNOTATORS["keyphrases"](body), []),
        mentions=mentions,
        quotes=attempt(
            "quotes", lambda: [(q, tone_of(q.text).polarity) for q in ANNOTATORS["quotes"](body, mentions)], []
        ),
        dates=attempt("dates", lambda: ANNOTATORS["dates"](body, record.published_on), []),
        failures=tuple(failures),
    )


def _value(result: Value | Exception) -> Value:
    if isinstance(result, Exception):
        raise result
    return result


def one_line(exc: BaseException) -> str:
    """An error as one short line: its type and the first line of its message."""
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
