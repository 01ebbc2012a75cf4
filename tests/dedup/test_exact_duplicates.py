import pandas as pd

from tasks.dedup.clusters import assign_clusters

from .frames import articles

STORY = "Tallinn port workers went on strike on Monday.\n\nThe union wants a 7% raise."


def test_exact_copies_in_one_batch_share_a_cluster(warehouse):
    new = articles(
        {"article_id": "a", "body": STORY, "published_at": "2026-01-05T10:00Z"},
        {"article_id": "b", "body": STORY.upper(), "published_at": "2026-01-05T09:00Z"},
        {"article_id": "c", "body": "Something else entirely happened in Riga."},
    )
    result = assign_clusters(new, warehouse)
    clusters = result.clusters.set_index("article_id")
    assert clusters.loc["a", "cluster_id"] == clusters.loc["b", "cluster_id"] == "a"
    assert clusters.loc["b", "is_canonical"] and not clusters.loc["a", "is_canonical"]
    assert clusters.loc["a", "duplicate_of"] == "b"
    assert clusters.loc["c", "cluster_id"] == "c" and clusters.loc["c", "is_canonical"]
    assert result.duplicates.to_dict("records") == [
        {"article_id": "a", "duplicate_of": "b", "method": "exact", "similarity": 1.0}
    ]


def test_canonical_policy_prefers_dated_then_longer_then_earlier(warehouse):
    new = articles(
        {"article_id": "undated", "body": STORY},
        {"article_id": "late", "body": STORY, "published_at": "2026-01-06T00:00Z"},
        {"article_id": "early", "body": STORY, "published_at": "2026-01-05T00:00Z"},
    )
    clusters = assign_clusters(new, warehouse).clusters.set_index("article_id")
    assert clusters["is_canonical"].to_dict() == {"undated": False, "late": False, "early": True}
    assert set(clusters["cluster_id"]) == {"undated"}


def test_copy_of_published_article_joins_its_cluster(warehouse):
    first = articles({"article_id": "a", "body": STORY, "published_at": "2026-01-05T10:00Z"})
    warehouse.publish(first, assign_clusters(first, warehouse))
    second = articles({"article_id": "b", "body": STORY + " ", "published_at": "2026-01-05T11:00Z"})
    result = assign_clusters(second, warehouse)
    assert result.clusters.to_dict("records") == [
        {"article_id": "b", "cluster_id": "a", "is_canonical": False, "duplicate_of": "a"}
    ]
    assert result.cluster_updates.empty
    assert result.signatures.empty


def test_earlier_copy_arriving_later_becomes_canonical_and_keeps_the_cluster_id(warehouse):
    first = articles(
        {"article_id": "a", "body": STORY, "published_at": "2026-01-05T10:00Z"},
        {"article_id": "b", "body": STORY, "published_at": "2026-01-05T11:00Z"},
    )
    warehouse.publish(first, assign_clusters(first, warehouse))
    original = articles({"article_id": "z", "body": STORY, "published_at": "2026-01-05T08:00Z"})
    result = assign_clusters(original, warehouse)
    assert result.clusters.to_dict("records") == [
        {"article_id": "z", "cluster_id": "a", "is_canonical": True, "duplicate_of": None}
    ]
    updates = result.cluster_updates.set_index("article_id")
    assert updates["duplicate_of"].to_dict() == {"a": "z", "b": "z"}
    assert not updates["is_canonical"].any()
    assert set(result.duplicates["article_id"]) == {"a", "b"}
    assert result.withdrawn_duplicates.empty


def test_rerun_of_published_articles_changes_nothing(warehouse):
    batch = articles({"article_id": "a", "body": STORY}, {"article_id": "b", "body": STORY})
    warehouse.publish(batch, assign_clusters(batch, warehouse))
    again = assign_clusters(batch, warehouse)
    assert again.clusters.empty and again.cluster_updates.empty and again.duplicates.empty
    assert again.signatures.empty


def test_signatures_are_kept_once_per_content(warehouse):
    batch = articles({"article_id": "a", "body": STORY}, {"article_id": "b", "body": STORY.lower()})
    signatures = assign_clusters(batch, warehouse).signatures
    assert signatures["article_id"].tolist() == ["a"]
    assert isinstance(signatures["minhash"].iloc[0], bytes)


def test_empty_batch(warehouse):
    result = assign_clusters(articles({"article_id": "a", "body": STORY}).iloc[:0], warehouse)
    assert result.clusters.empty and list(result.clusters.columns) == [
        "article_id",
        "cluster_id",
        "is_canonical",
        "duplicate_of",
    ]
    assert isinstance(result.duplicates, pd.DataFrame)
