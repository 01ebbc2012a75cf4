"""New-article frames as the clean stage hands them to deduplication."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from tasks.text.content_hash import content_hash

START = datetime(2026, 1, 5, 8, tzinfo=UTC)


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


RIGA_FOOTBRIDGE = [
    ("Riga city council voted on Wednesday to close the Daugava footbridge for repairs until the end of August."),
    (
        "Engineers found corrosion in two of the bridge's steel supports during an inspection in "
        "February, the council said."
    ),
    (
        "About 14,000 pedestrians and cyclists cross the bridge every day, according to figures "
        "from the municipal traffic office."
    ),
    (
        "A temporary ferry will run every twenty minutes between the old town and the Agenskalns "
        "district while the work goes on."
    ),
    (
        "Deputy mayor Edgars Kalnins said the repairs would cost 3.4 million euros, most of it paid"
        " from the city's reserve fund."
    ),
    (
        "Opposition councillors criticised the timing, saying the closure would hurt cafes and "
        "shops during the summer season."
    ),
]


def body(paragraphs: list[str]) -> str:
    """An article body: paragraphs separated by a blank line."""
    return "\n\n".join(paragraphs)
