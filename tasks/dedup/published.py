"""What deduplication reads of the warehouse: the published articles, duplicates and signature index."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import pandas as pd

from tasks.schemas import ALL_TABLES

SIGNATURES_TABLE = "dedup_signatures"

ARTICLE_COLUMNS = [
    "article_id",
    "content_hash",
    "cluster_id",
    "is_canonical",
    "duplicate_of",
    "published_at",
    "ingested_at",
    "word_count",
]


class PublishedIndex(Protocol):
    """Read access to the current warehouse version."""

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Rows of a published table (only `columns` when given); an empty frame with those columns
        when the table does not exist yet."""
        ...

    def read_each(self, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """The same rows in parts (a file at a time), so that a pass over a large table holds one part."""
        ...


class FramesIndex:
    """A PublishedIndex over frames in memory: deduplication of a corpus without a warehouse."""

    def __init__(self, tables: dict[str, pd.DataFrame] | None = None) -> None:
        self.tables = dict(tables or {})

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        columns = columns or ALL_TABLES[table].column_names
        if table not in self.tables:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        return self.tables[table][columns].copy()

    def read_each(self, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        yield self.read(table, columns)
