"""A warehouse reader over in-memory tables, and a way to publish a dedup result into it."""

from __future__ import annotations

import pandas as pd
import pytest

from tasks.dedup.clusters import DedupResult
from tasks.dedup.published import FramesIndex


class MemoryWarehouse(FramesIndex):
    """Published tables as frames, and what the warehouse writer does with a dedup result."""

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
