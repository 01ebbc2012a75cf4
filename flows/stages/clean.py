"""Clean: document text -> `articles` (before deduplication, each its own cluster) and `removed_segments`."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

import pandas as pd
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.batches import Batch
from flows.run_context import RunContext, StageReport
from tasks.clean.article import CleanArticle, PageHints, clean_document
from tasks.clean.language import detect_language
from tasks.enrich.language import detect_languages_of, language_detector
from tasks.ingest.page_url import date_in_url, host_of
from tasks.ingest.rejection import Rejection
from tasks.pool import map_batches, split_for_workers
from tasks.settings import Settings
from tasks.text.content_hash import content_hashes


def article_id(source_uri: str, doc_id: str) -> str:
    """Stable across runs: the same document (source and content) always yields the same article id."""
    return hashlib.sha256(f"{source_uri}\x00{doc_id}".encode()).hexdigest()[:16]


def _published(column: pd.Series) -> list[datetime | None]:
    """Publication times the container states: ISO 8601 parsed for the whole batch at once, other forms one by one."""
    parsed = pd.to_datetime(column, utc=True, errors="coerce", format="ISO8601")
    retry = parsed.isna() & column.notna() & (column.astype(str).str.strip() != "")
    parsed[retry] = [pd.to_datetime(value, utc=True, errors="coerce") for value in column[retry]]
    return [None if pd.isna(value) else value.to_pydatetime() for value in parsed]


def _hints(row, published_at: datetime | None) -> PageHints:
    return PageHints(title=row.title, url=row.url, published_at=published_at, publisher=row.publisher)


def _article_row(row, article: CleanArticle, run_id: str) -> dict:
    aid = article_id(row.source_uri, row.doc_id)
    body = article.body
    crawled = row.format == "warc"  # a crawled page: its URL names the outlet and often the day
    publisher = article.publisher or (host_of(row.url) if crawled else None)
    published_at = article.published_at or (date_in_url(row.url) if crawled else None)
    return {
        "article_id": aid,
        "doc_id": row.doc_id,
        "external_id": row.external_id,
        "source_uri": row.source_uri,
        "url": article.url,
        "title": article.title,
        "kicker": article.kicker,
        "standfirst": article.standfirst,
        "authors": list(article.authors),
        "publisher": publisher,
        "published_at": published_at,
        "body": body,
        "word_count": len(body.split()),
        "content_hash": None,  # hashed with the whole chunk at once
        "cluster_id": aid,
        "is_canonical": True,
        "duplicate_of": None,
        "ingested_at": row.ingested_at,
        "run_id": run_id,
    }


@dataclass
class CleanedBatch:
    articles: pd.DataFrame
    removed: list[dict] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """`source_uri: note` for each pass undone because it would have left nothing of the article."""


def clean_contents(contents: pd.DataFrame, run_id: str, settings: Settings) -> CleanedBatch:
    """Each document's clean article, the segments cleaning removed (with their language), and a rejection for
    each document with no article in it; spread over `settings.workers` processes like enrichment."""
    languages = tuple(settings.languages)
    chunks = split_for_workers(contents, settings.workers, settings.batch_size)
    work = partial(_clean_chunk, run_id=run_id, languages=languages)
    cleaned = list(map_batches(work, chunks, partial(_load_detectors, languages), settings.workers, len(contents)))
    return CleanedBatch(
        pd.concat([c.articles for c in cleaned if len(c.articles)] or [pd.DataFrame()], ignore_index=True),
        [row for c in cleaned for row in c.removed],
        [rejection for c in cleaned for rejection in c.rejections],
        [note for c in cleaned for note in c.notes],
    )


def _load_detectors(languages: tuple[str, ...]) -> None:
    """Both language detectors, loaded before the pool forks so that workers share them."""
    detect_language("Dieser Satz ist auf Deutsch geschrieben")
    language_detector(languages)


def _clean_chunk(contents: pd.DataFrame, run_id: str, languages: tuple[str, ...]) -> CleanedBatch:
    """One worker's share of a batch: what `clean_contents` returns, for these documents."""
    articles, removed, rejections, notes = [], [], [], []
    # Missing strings as None, not NaN: readers of a row test `text is None`.
    rows = contents.astype(object).where(contents.notna(), None).itertuples(index=False)
    for row, published_at in zip(rows, _published(contents["published"]), strict=True):
        try:
            article = clean_document(row.text, row.html, _hints(row, published_at))
            if not article.body.strip():
                raise ValueError("nothing is left of the document after cleaning")
        except ValueError as err:
            rejections.append(Rejection(row.source_uri, "no_article", str(err), doc_id=row.doc_id, stage="clean"))
            continue
        except Exception as err:  # one bad page must not stop the run
            detail = f"cleaning failed ({type(err).__name__}: {err}); please report this page"
            rejections.append(Rejection(row.source_uri, "clean_error", detail, doc_id=row.doc_id, stage="clean"))
            continue
        articles.append(_article_row(row, article, run_id))
        notes += [f"{row.source_uri}: {note}" for note in article.notes]
        removed += [
            {
                "article_id": articles[-1]["article_id"],
                "position": i,
                "text": s.text,
                "reason": s.reason,
                "run_id": run_id,
            }
            for i, s in enumerate(article.removed)
        ]
    for row, language in zip(removed, detect_languages_of([r["text"] for r in removed], languages), strict=True):
        row["language"] = language
    frame = pd.DataFrame(articles)
    if len(frame):
        frame["content_hash"] = content_hashes(frame["body"])
    return CleanedBatch(frame, removed, rejections, notes)


@task(name="clean", task_run_name="clean-{batch.part}", cache_policy=NO_CACHE)
def clean(ctx: RunContext, batch: Batch) -> StageReport:
    """Turn each document of the batch into a clean article; a document with no article in it goes to quarantine."""
    started = time.perf_counter()
    contents = ctx.staging.read_part("contents", batch.part)
    cleaned = clean_contents(contents, ctx.run_id, ctx.settings)
    ctx.staging.write("articles", cleaned.articles, part=batch.part)
    ctx.staging.write("removed_segments", pd.DataFrame(cleaned.removed), part=batch.part)
    ctx.quarantine(cleaned.rejections, part=batch.part_of("clean"))
    for note in cleaned.notes:
        get_run_logger().info("clean: %s", note)
    return StageReport(
        "clean",
        rows_in=len(contents),
        rows_out=len(cleaned.articles),
        quarantined=len(cleaned.rejections),
        seconds=time.perf_counter() - started,
        tables=("articles", "removed_segments"),
    )
