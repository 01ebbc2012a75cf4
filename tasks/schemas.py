"""The one definition of every warehouse table: Arrow schemas, keys and column docs.

The writer, the quality gate, the query views and warehouse/README.md all derive from TABLES.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

TIMESTAMP = pa.timestamp("us", tz="UTC")
STRINGS = pa.list_(pa.string())


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    doc: str
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    data: bool = True
    """Data tables never grow on a re-run; bookkeeping tables (runs, validations) do."""

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> Column:
    return Column(name, type_, doc, nullable)


RUN_ID = _c("run_id", pa.string(), "Run that first published the row (the Prefect flow run id).", False)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "documents",
            "input document as received",
            ("source_uri", "doc_id"),
            (
                _c("doc_id", pa.string(), "SHA-256 of the raw bytes (hex).", False),
                _c(
                    "source_uri",
                    pa.string(),
                    "file URI (or URL) of the input; `#L<n>` names a JSONL line, `#<WARC-Record-ID>` a web archive "
                    "record.",
                    False,
                ),
                _c("external_id", pa.string(), "`id` field of a JSONL record."),
                _c("format", pa.string(), "reader used: txt, html, jsonl or warc.", False),
                _c("compression", pa.string(), "gzip when the file was compressed."),
                _c("byte_size", pa.int64(), "size of the raw bytes (after decompression).", False),
                _c("encoding", pa.string(), "text encoding the bytes were decoded with."),
                _c("fetched_at", TIMESTAMP, "when the page was crawled (`WARC-Date` of a web archive record; UTC)."),
                _c("ingested_at", TIMESTAMP, "when the run read the document (UTC).", False),
                RUN_ID,
            ),
        ),
        Table(
            "articles",
            "cleaned article (every copy kept, duplicates flagged)",
            ("article_id",),
            (
                _c("article_id", pa.string(), "stable id of the article: a hash of (source_uri, doc_id).", False),
                _c("doc_id", pa.string(), "document the article was cleaned from.", False),
                _c("external_id", pa.string(), "`id` of the JSONL record."),
                _c("source_uri", pa.string(), "where the document came from.", False),
                _c("url", pa.string(), "canonical URL of the page when known."),
                _c("title", pa.string(), "headline."),
                _c("kicker", pa.string(), "section label or kicker above the headline."),
                _c("standfirst", pa.string(), "summary paragraph under the headline."),
                _c("authors", STRINGS, "bylined authors (never editors).", False),
                _c("publisher", pa.string(), "outlet or wire service."),
                _c("published_at", TIMESTAMP, "publication time stated by the page (UTC)."),
                _c("language", pa.string(), "ISO 639-1 code of the body."),
                _c("body", pa.string(), "cleaned text, paragraphs separated by a blank line.", False),
                _c("word_count", pa.int32(), "words in body.", False),
                _c(
                    "content_hash",
                    pa.string(),
                    "SHA-256 of the body with case, whitespace and punctuation folded.",
                    False,
                ),
                _c("cluster_id", pa.string(), "story cluster: shared by an article and all its copies.", False),
                _c("is_canonical", pa.bool_(), "the copy that stands for its cluster.", False),
                _c("duplicate_of", pa.string(), "article_id of the canonical copy; null for the canonical one."),
                _c("tone", pa.float64(), "GDELT-style tone: (positive - negative) words per 100 words."),
                _c("polarity", pa.float64(), "VADER compound score in [-1, 1]."),
                _c("keyphrases", STRINGS, "key phrases of the body, best first."),
                _c("ingested_at", TIMESTAMP, "when the document was read (UTC).", False),
                RUN_ID,
            ),
        ),
        Table(
            "removed_segments",
            "piece of text the cleaning took out",
            ("article_id", "position"),
            (
                _c("article_id", pa.string(), "article the text was removed from.", False),
                _c("position", pa.int32(), "order of the segment in the raw document.", False),
                _c("text", pa.string(), "the removed text.", False),
                _c("reason", pa.string(), "why it was removed (see docs/cleaning.md).", False),
                _c("language", pa.string(), "ISO 639-1 code of the segment, when it can be told."),
                RUN_ID,
            ),
        ),
        Table(
            "entities",
            "distinct real-world entity",
            ("entity_id",),
            (
                _c("entity_id", pa.string(), "stable id: a hash of type and canonical name.", False),
                _c("name", pa.string(), "canonical form of the name.", False),
                _c("type", pa.string(), "PERSON, ORG, GPE, LOC, NORP, ...", False),
                _c("country_code", pa.string(), "ISO 3166-1 alpha-2 code where exactly one applies."),
                _c(
                    "country_codes",
                    STRINGS,
                    "every ISO 3166-1 alpha-2 code that applies (Baltic states: EE, LV, LT).",
                    False,
                ),
                RUN_ID,
            ),
        ),
        Table(
            "mentions",
            "entity mention in an article",
            ("article_id", "start"),
            (
                _c("article_id", pa.string(), "article the mention is in.", False),
                _c("entity_id", pa.string(), "entity mentioned.", False),
                _c("text", pa.string(), "the mention as written: body[start:end].", False),
                _c("type", pa.string(), "entity type of the mention.", False),
                _c("start", pa.int32(), "offset of the first character in body.", False),
                _c("end", pa.int32(), "offset after the last character in body.", False),
                _c("role", pa.string(), "title written with a person's name (e.g. Prime Minister)."),
                _c("country_codes", STRINGS, "ISO 3166-1 alpha-2 codes the mention refers to.", False),
                RUN_ID,
            ),
        ),
        Table(
            "quotes",
            "direct quotation",
            ("quote_id",),
            (
                _c("quote_id", pa.string(), "stable id: a hash of article_id and start.", False),
                _c("article_id", pa.string(), "article the quote is in.", False),
                _c("text", pa.string(), "the quotation without its quote marks.", False),
                _c("start", pa.int32(), "offset of the first character of the quotation in body.", False),
                _c("end", pa.int32(), "offset after its last character.", False),
                _c("speaker", pa.string(), "speaker as written; null if unknown."),
                _c("speaker_entity_id", pa.string(), "entity the speaker resolves to."),
                _c("cue", pa.string(), "attribution verb (said, told, added, ...)."),
                _c("polarity", pa.float64(), "VADER compound score of the quotation in [-1, 1]."),
                RUN_ID,
            ),
        ),
        Table(
            "duplicates",
            "article found to be a copy of another",
            ("article_id",),
            (
                _c("article_id", pa.string(), "the copy.", False),
                _c("duplicate_of", pa.string(), "canonical article of its cluster.", False),
                _c("method", pa.string(), "exact or near.", False),
                _c("similarity", pa.float64(), "estimated Jaccard similarity of the two bodies.", False),
                RUN_ID,
            ),
        ),
        Table(
            "date_mentions",
            "date expression in an article",
            ("article_id", "start"),
            (
                _c("article_id", pa.string(), "article the expression is in.", False),
                _c("text", pa.string(), "the expression: body[start:end].", False),
                _c("start", pa.int32(), "offset in body.", False),
                _c("end", pa.int32(), "offset after the expression.", False),
                _c("date", pa.date32(), "resolved date; null when it cannot be resolved."),
                _c("granularity", pa.string(), "day, month, year, ...", False),
                _c(
                    "resolved",
                    pa.bool_(),
                    "false when there was no anchor to resolve it against, or no such day.",
                    False,
                ),
                RUN_ID,
            ),
        ),
        Table(
            "annotation_failures",
            "annotator that failed on an article, which is published without that annotation",
            ("article_id", "annotator"),
            (
                _c("article_id", pa.string(), "article the annotator failed on.", False),
                _c(
                    "annotator",
                    pa.string(),
                    "language, entities, quotes, dates, tone or keyphrases: the annotation left empty.",
                    False,
                ),
                _c("error", pa.string(), "the error, one line: its type and message.", False),
                RUN_ID,
            ),
        ),
        Table(
            "quarantine",
            "input, record or row that could not go through",
            ("source_uri", "stage"),
            (
                _c("source_uri", pa.string(), "the input or record.", False),
                _c("doc_id", pa.string(), "SHA-256 of its bytes when they could be read."),
                _c("stage", pa.string(), "stage that refused it (ingest, clean, enrich, ...).", False),
                _c("reason", pa.string(), "short machine-readable reason (empty, binary, too_large, ...).", False),
                _c("detail", pa.string(), "one line for a person: what is wrong and what to do.", False),
                _c("suite", pa.string(), "suite of the row-level expectation that took the row out."),
                _c("expectation", pa.string(), "that expectation: its type and column."),
                _c("value", pa.string(), "the value that broke it, cut short and escaped (JSON)."),
                RUN_ID,
            ),
        ),
        Table(
            "runs",
            "pipeline run",
            ("run_id",),
            (
                RUN_ID,
                _c("started_at", TIMESTAMP, "start of the run (UTC).", False),
                _c("finished_at", TIMESTAMP, "end of the run (UTC).", False),
                _c("status", pa.string(), "published, failed_quality_gate or failed.", False),
                _c("failed_stage", pa.string(), "stage whose suite failed."),
                _c("inputs", pa.int64(), "documents and records read.", False),
                _c("articles", pa.int64(), "new articles published.", False),
                _c("quarantined", pa.int64(), "inputs quarantined.", False),
                _c(
                    "not_articles",
                    pa.string(),
                    'web archive records read that are no article page, by kind, as a JSON object: {"request": 120, '
                    '"redirect": 3, ...}.',
                ),
                _c("report_path", pa.string(), "where the run's quality reports are."),
            ),
            data=False,
        ),
        Table(
            "validations",
            "suite run on a stage's output",
            ("run_id", "stage", "suite"),
            (
                RUN_ID,
                _c("stage", pa.string(), "stage whose output was validated.", False),
                _c("suite", pa.string(), "expectation suite (one per table).", False),
                _c(
                    "success",
                    pa.bool_(),
                    "nothing blocked: every table-level expectation held, every row-level one within its threshold.",
                    False,
                ),
                _c("evaluated", pa.int32(), "expectations evaluated.", False),
                _c("failed", pa.int32(), "expectations that blocked the run.", False),
                _c(
                    "failed_expectations",
                    STRINGS,
                    "type, column and failing rows of each expectation that blocked the run.",
                    False,
                ),
                _c("rows", pa.int64(), "rows validated.", False),
                _c("quarantined", pa.int64(), "rows that broke row-level expectations (taken out in a run).", False),
                _c(
                    "quarantined_expectations",
                    STRINGS,
                    "type, column and failing rows of each row-level expectation that took rows out.",
                    False,
                ),
                _c("validated_at", TIMESTAMP, "when the suite ran (UTC).", False),
            ),
            data=False,
        ),
    )
}

INTERNAL_TABLES: dict[str, Table] = {
    "dedup_signatures": Table(
        "dedup_signatures",
        "distinct article content, signed for near-duplicate search (see docs/deduplication.md)",
        ("content_hash",),
        (
            _c("content_hash", pa.string(), "content the signature stands for (articles.content_hash).", False),
            _c("article_id", pa.string(), "first article published with this content.", False),
            _c("scheme", pa.string(), "shingle size, permutations and seed the signature was made with.", False),
            _c("shingle_count", pa.int32(), "distinct word shingles of the content.", False),
            _c("minhash", pa.binary(), "MinHash signature: one little-endian uint32 per permutation.", False),
            _c(
                "facts",
                pa.binary(),
                "sorted little-endian uint64 codes, one per number or name: hash of the two words before it (high "
                "half) and of itself (low half).",
                False,
            ),
            RUN_ID,
        ),
    ),
    "inbox_files": Table(
        "inbox_files",
        "inbox file a served run took (`newsdesk serve`), as it was when listed; published with the run's data",
        ("source_uri", "byte_size", "mtime_ns"),
        (
            _c("source_uri", pa.string(), "file URI, as in documents.source_uri.", False),
            _c("byte_size", pa.int64(), "size of the file when listed.", False),
            _c("mtime_ns", pa.int64(), "modification time of the file when listed (ns since the epoch).", False),
            RUN_ID,
        ),
    ),
}
"""Tables the pipeline keeps for itself inside each version (no link at the warehouse top level)."""

ALL_TABLES: dict[str, Table] = {**TABLES, **INTERNAL_TABLES}

STAGING_TABLES: dict[str, Table] = {
    "contents": Table(
        "contents",
        "document text handed from ingest to clean within a run (never published)",
        ("source_uri", "doc_id"),
        (
            _c("doc_id", pa.string(), "SHA-256 of the raw bytes.", False),
            _c("source_uri", pa.string(), "where the document came from.", False),
            _c("external_id", pa.string(), "`id` of the JSONL record."),
            _c("format", pa.string(), "reader used.", False),
            _c("text", pa.string(), "raw scraped text, when the input is text."),
            _c("html", pa.string(), "raw page, when the input is HTML."),
            _c("title", pa.string(), "title stated by the container (JSONL)."),
            _c("url", pa.string(), "URL stated by the container."),
            _c("published", pa.string(), "publication time as the container states it."),
            _c("publisher", pa.string(), "publisher stated by the container."),
            _c("ingested_at", TIMESTAMP, "when the run read it.", False),
        ),
    )
}
