"""Which copy stands for a cluster, and which id the cluster carries.

Canonical copy: earliest `published_at` (unknown dates last), then the most complete (highest
`word_count`), then earliest `ingested_at`, then smallest `article_id`.

Cluster id: a cluster keeps the id it was published with. A cluster first seen in this run takes the
`article_id` of its first member (earliest `ingested_at`, then smallest `article_id`). When clusters
merge, the id of the oldest published cluster survives (earliest `ingested_at` of the member whose id it
is, then smallest id).
"""

from __future__ import annotations

import pandas as pd


def canonical_ids(members: pd.DataFrame) -> pd.Series:
    """article_id of the canonical copy of each `component`, indexed by component."""
    ranked = members.sort_values(
        ["component", "published_at", "word_count", "ingested_at", "article_id"],
        ascending=[True, True, False, True, True],
        na_position="last",
    )
    return ranked.drop_duplicates("component").set_index("component")["article_id"]


def cluster_ids(published_clusters: pd.DataFrame, new_members: pd.DataFrame) -> pd.Series:
    """cluster_id of each component, indexed by component.

    published_clusters: component, cluster_id, founded_at (ingested_at of the member the id names).
    new_members: component, article_id, ingested_at.
    """
    candidates = pd.concat(
        [
            published_clusters.assign(priority=0)[["component", "priority", "founded_at", "cluster_id"]],
            pd.DataFrame(
                {
                    "component": new_members["component"],
                    "priority": 1,
                    "founded_at": new_members["ingested_at"],
                    "cluster_id": new_members["article_id"],
                }
            ),
        ],
        ignore_index=True,
    )
    ranked = candidates.sort_values(["component", "priority", "founded_at", "cluster_id"], na_position="last")
    return ranked.drop_duplicates("component").set_index("component")["cluster_id"]
