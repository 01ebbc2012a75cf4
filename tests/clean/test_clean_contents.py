"""The clean stage's batch function: spread over worker processes, it gives exactly what one process gives."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from flows.stages.clean import clean_contents
from tasks.pool import SMALL_INPUT
from tasks.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


def _contents(copies: int) -> pd.DataFrame:
    """Every text and HTML fixture `copies` times (each copy its own document), plus one empty document."""
    pages = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))
    rows = [
        {
            "doc_id": f"{page.stem}-{n}",
            "source_uri": f"file:///inputs/{page.stem}-{n}{page.suffix}",
            "external_id": None,
            "format": page.suffix.lstrip("."),
            "text": page.read_text(encoding="utf-8") if page.suffix == ".txt" else None,
            "html": page.read_text(encoding="utf-8") if page.suffix == ".html" else None,
            "title": None,
            "url": None,
            "published": "2024-03-01T08:00:00Z" if n % 2 else None,
            "publisher": None,
            "ingested_at": datetime(2024, 3, 2, tzinfo=UTC),
        }
        for n in range(copies)
        for page in pages
    ]
    empty = rows[0] | {"doc_id": "empty", "source_uri": "file:///inputs/empty.txt", "text": "   "}
    return pd.DataFrame([*rows, empty])


def test_two_worker_processes_clean_exactly_what_one_process_cleans():
    contents = _contents(copies=15)
    assert len(contents) >= SMALL_INPUT  # large enough for the pool to start
    alone = clean_contents(contents, "run", Settings(workers=1))
    pooled = clean_contents(contents, "run", Settings(workers=2, batch_size=40))
    pd.testing.assert_frame_equal(alone.articles, pooled.articles)
    assert alone.removed == pooled.removed
    assert {r["language"] for r in pooled.removed} >= {"en", "et"}
    assert [(r.source_uri, r.reason) for r in pooled.rejections] == [("file:///inputs/empty.txt", "no_article")]
    assert len(pooled.articles) == len(contents) - 1
