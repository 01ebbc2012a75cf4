"""New-article frames as the clean stage hands them to deduplication."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pandas as pd

from tasks.dedup.content_hash import content_hash

START = datetime(2026, 1, 5, 8, tzinfo=timezone.utc)


def articles(*rows: dict) -> pd.DataFrame:
    """New articles from (article_id, body, ...) dicts; ingestion times follow the order given."""
    frame = pd.DataFrame(
        [
            {
                "published_at": None,
                "ingested_at": START + timedelta(minutes=i),
                "publisher": "Wire",
                **row,
            }
            for i, row in enumerate(rows)
        ]
    )
    frame["content_hash"] = [content_hash(b) for b in frame["body"]]
    frame["word_count"] = [len(b.split()) for b in frame["body"]]
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    frame["ingested_at"] = pd.to_datetime(frame["ingested_at"], utc=True)
    return frame
