"""Story clusters for a batch of new articles, against each other and everything already published.

Exact copies share a content hash; near copies are found by MinHash LSH and verified (near_duplicates.py).
Both kinds of link join clusters through union-find; canonical.py chooses each cluster's canonical copy and
id. Published articles are never removed: only their cluster columns may change, when new articles join
or merge their clusters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tasks.dedup.canonical import canonical_ids, cluster_ids
from tasks.dedup.membership import is_in, positions
from tasks.dedup.near_duplicates import SignatureIndex, near_duplicate_pairs
from tasks.dedup.published import ARTICLE_COLUMNS, PublishedIndex
from tasks.dedup.settings import DedupSettings
from tasks.dedup.union_find import connected_components
from tasks.text.content_hash import content_hashes
from tasks.text.folding import large_strings

CLUSTER_COLUMNS = ["article_id", "cluster_id", "is_canonical", "duplicate_of"]
DUPLICATE_COLUMNS = ["article_id", "duplicate_of", "method", "similarity"]


@dataclass
class DedupResult:
    clusters: pd.DataFrame
    """One row per new article: article_id, cluster_id, is_canonical, duplicate_of."""
    cluster_updates: pd.DataFrame
    """Published articles whose cluster columns change (same columns)."""
    duplicates: pd.DataFrame
    """Rows of the `duplicates` table: new copies, and published copies whose duplicate_of changed."""
    signatures: pd.DataFrame
    """Rows to append to the signature index (one per content first seen in this run)."""
    withdrawn_duplicates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame({"article_id": []}, dtype=str))
    """Published copies that became canonical: their `duplicates` rows are to be removed."""


def assign_clusters(
    new: pd.DataFrame,
    published: PublishedIndex,
    settings: DedupSettings | None = None,
    bodies: Iterable[pd.DataFrame] | None = None,
) -> DedupResult:
    """Cluster the new articles; articles already published under the same id are not new and are skipped.

    `new` needs article_id, content_hash, published_at, ingested_at and word_count. The bodies to sign come from
    `new` itself, or from `bodies`: frames of (article_id, content_hash, body), e.g. one per staged part, read one
    at a time so that a run's bodies are never all held at once.
    """
    settings = settings or DedupSettings()
    old = _timestamps(published.read("articles", ARTICLE_COLUMNS))
    new = _new_articles(new, old)
    index = SignatureIndex.build(new, old, published, settings, [new] if bodies is None else bodies)
    near = near_duplicate_pairs(index, settings)

    content_nodes, touched = _content_nodes(new, old, near)
    hashes, nodes = large_strings(content_nodes["content_hash"]), content_nodes["node"].to_numpy()
    near_left, near_right = positions(near["content_hash"], hashes), positions(near["other_hash"], hashes)
    # a signature whose articles are not published (an interrupted publish) links nothing
    linked = (near_left >= 0) & (near_right >= 0)
    labels = connected_components(
        len(new) + len(touched),
        np.concatenate([nodes, nodes[near_left[linked]]]),
        np.concatenate([nodes[positions(hashes, hashes)], nodes[near_right[linked]]]),
    )
    del content_nodes, hashes, nodes, near  # the node frame and its hashes are not needed past here

    members = _members(new, old, touched, labels)
    canonical = canonical_ids(members)
    ids = cluster_ids(_published_clusters(old, touched, labels, len(new)), members[members["is_new"]])
    members["cluster_id_after"] = members["component"].map(ids)
    members["canonical"] = members["component"].map(canonical)
    members["is_canonical_after"] = members["article_id"] == members["canonical"]
    members["duplicate_of_after"] = members["canonical"].where(~members["is_canonical_after"], None)
    return _result(members, index)


def _timestamps(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("published_at", "ingested_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def _new_articles(new: pd.DataFrame, old: pd.DataFrame) -> pd.DataFrame:
    """The articles not published yet, each id once (the frame is only filtered, at the cost of a copy of
    every body, when something is to be dropped)."""
    keep = ~is_in(new["article_id"], old["article_id"]) & ~new["article_id"].duplicated().to_numpy()
    new = new[keep] if not keep.all() else new
    new = _timestamps(new.reset_index(drop=True))
    if "content_hash" not in new or new["content_hash"].isna().any():
        new["content_hash"] = content_hashes(new["body"])
    return new


def _content_nodes(new: pd.DataFrame, old: pd.DataFrame, near: pd.DataFrame) -> tuple[pd.DataFrame, pd.Index]:
    """Graph nodes per content hash: each new article, and each published cluster holding a content that
    a new article copies exactly or nearly. Returns the nodes and the touched published cluster ids."""
    linked = pd.concat([new["content_hash"], near["content_hash"], near["other_hash"]], ignore_index=True)
    old_links = old.loc[is_in(old["content_hash"], linked), ["content_hash", "cluster_id"]].drop_duplicates()
    touched = pd.Index(old_links["cluster_id"].unique())
    nodes = pd.concat(
        [
            pd.DataFrame({"content_hash": new["content_hash"], "node": np.arange(len(new))}),
            pd.DataFrame(
                {
                    "content_hash": old_links["content_hash"],
                    "node": len(new) + touched.get_indexer(old_links["cluster_id"]),
                }
            ),
        ],
        ignore_index=True,
    )
    return nodes, touched


def _members(new: pd.DataFrame, old: pd.DataFrame, touched: pd.Index, labels: np.ndarray) -> pd.DataFrame:
    """Every article of every component that holds a new article, with its cluster columns before."""
    old_members = old[is_in(old["cluster_id"], touched)].copy()
    old_members["component"] = labels[len(new) + touched.get_indexer(old_members["cluster_id"])]
    new_members = new.assign(component=labels[: len(new)], cluster_id=None, is_canonical=None, duplicate_of=None)
    columns = ARTICLE_COLUMNS + ["component"]
    return pd.concat(
        [new_members[columns].assign(is_new=True), old_members[columns].assign(is_new=False)], ignore_index=True
    )


def _published_clusters(old: pd.DataFrame, touched: pd.Index, labels: np.ndarray, offset: int) -> pd.DataFrame:
    """Touched published clusters with their component and the ingestion time of their founding member."""
    members = old[is_in(old["cluster_id"], touched)]
    founders = members[members["article_id"] == members["cluster_id"]].set_index("cluster_id")["ingested_at"]
    earliest = members.groupby("cluster_id")["ingested_at"].min()
    return pd.DataFrame(
        {
            "component": labels[offset + np.arange(len(touched))],
            "cluster_id": touched,
            "founded_at": founders.reindex(touched).fillna(earliest.reindex(touched)).to_numpy(),
        }
    )


def _result(members: pd.DataFrame, index: SignatureIndex) -> DedupResult:
    after = members.rename(
        columns={
            "cluster_id": "cluster_id_before",
            "is_canonical": "is_canonical_before",
            "duplicate_of": "duplicate_of_before",
            "cluster_id_after": "cluster_id",
            "is_canonical_after": "is_canonical",
            "duplicate_of_after": "duplicate_of",
        }
    )
    is_new = after["is_new"]
    changed = ~is_new & (
        (after["cluster_id"] != after["cluster_id_before"])
        | (after["is_canonical"] != after["is_canonical_before"].astype(bool))
        | (after["duplicate_of"].fillna("") != after["duplicate_of_before"].fillna(""))
    )
    copy_changed = after["duplicate_of"].notna() & (
        is_new | (after["duplicate_of"].fillna("") != after["duplicate_of_before"].fillna(""))
    )
    copies = after.loc[copy_changed, ["article_id", "duplicate_of"]]
    hashes = large_strings(after["content_hash"])
    copy_hash = hashes.filter(pa.array(copy_changed.to_numpy()))
    other_hash = hashes.take(pa.array(positions(copies["duplicate_of"], after["article_id"])))
    exact = pc.equal(copy_hash, other_hash).to_numpy(zero_copy_only=False)
    similarity = np.ones(len(copies))
    if not exact.all():
        near = pa.array(~exact)
        similarity[~exact] = index.similarity(copy_hash.filter(near), other_hash.filter(near))
    duplicates = pd.DataFrame(
        {
            "article_id": copies["article_id"].to_numpy(),
            "duplicate_of": copies["duplicate_of"].to_numpy(),
            "method": np.where(exact, "exact", "near"),
            "similarity": similarity,
        }
    )
    withdrawn = ~is_new & after["duplicate_of"].isna() & after["duplicate_of_before"].notna()
    return DedupResult(
        clusters=_cluster_frame(after, is_new),
        cluster_updates=_cluster_frame(after, changed),
        duplicates=duplicates,
        signatures=index.new_rows,
        withdrawn_duplicates=after.loc[withdrawn, ["article_id"]].reset_index(drop=True),
    )


def _cluster_frame(members: pd.DataFrame, rows: pd.Series) -> pd.DataFrame:
    """The cluster columns of the rows (a mask), selected before filtering so no other column is copied."""
    frame = members.loc[rows, CLUSTER_COLUMNS].reset_index(drop=True)
    frame["is_canonical"] = frame["is_canonical"].astype(bool)
    frame["duplicate_of"] = frame["duplicate_of"].astype(object).where(frame["duplicate_of"].notna(), None)
    return frame
