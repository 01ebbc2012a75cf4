"""A warehouse reader over in-memory tables, and a way to publish a dedup result into it."""

from __future__ import annotations

import pandas as pd
import pytest

from tasks.dedup.clusters import DedupResult
from tasks.schemas import ALL_TABLES


class MemoryWarehouse:
    """Published tables as frames; `read` answers like the warehouse reader."""

    def __init__(self) -> None:
        self.tables: dict[str, pd.DataFrame] = {}

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        columns = columns or ALL_TABLES[table].column_names
        if table not in self.tables:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        return self.tables[table][columns].copy()

    def publish(self, new: pd.DataFrame, result: DedupResult) -> None:
        articles = new.merge(result.clusters, on="article_id")
        if "articles" in self.tables:
            old = self.tables["articles"].set_index("article_id")
            updates = result.cluster_updates.set_index("article_id")
            old.loc[updates.index, updates.columns] = updates
            articles = pd.concat([old.reset_index(), articles], ignore_index=True)
        self.tables["articles"] = articles
        duplicates = self.tables.get("duplicates", result.duplicates.iloc[:0])
        duplicates = duplicates[
            ~duplicates["article_id"].isin(result.duplicates["article_id"])
            & ~duplicates["article_id"].isin(result.withdrawn_duplicates["article_id"])
        ]
        self.tables["duplicates"] = pd.concat([duplicates, result.duplicates], ignore_index=True)
        self.tables["dedup_signatures"] = pd.concat(
            [self.tables.get("dedup_signatures"), result.signatures.assign(run_id="run")], ignore_index=True
        )


@pytest.fixture
def warehouse() -> MemoryWarehouse:
    return MemoryWarehouse()

