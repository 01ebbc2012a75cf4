"""Pairwise precision and recall on the seeded syndication corpus (benchmarks/corpus.py)."""

import pandas as pd

from benchmarks.corpus import syndication_corpus
from tasks.dedup.clusters import assign_clusters
from tasks.text.content_hash import content_hash


def pair_count(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


def pairwise_scores(corpus: pd.DataFrame, clusters: pd.DataFrame) -> tuple[float, float]:
    joined = corpus.merge(clusters, on="article_id")
    found = pair_count(joined.groupby("cluster_id").size())
    true = pair_count(joined.groupby("story_id").size())
    right = pair_count(joined.groupby(["cluster_id", "story_id"]).size())
    return right / found, right / true


def test_precision_and_recall_on_the_syndication_corpus(warehouse):
    corpus = syndication_corpus(2500, seed=11)
    corpus["content_hash"] = [content_hash(b) for b in corpus["body"]]
    precision, recall = pairwise_scores(corpus, assign_clusters(corpus, warehouse).clusters)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_the_corpus_arriving_in_three_runs_clusters_as_in_one(warehouse):
    corpus = syndication_corpus(600, seed=12)
    corpus["content_hash"] = [content_hash(b) for b in corpus["body"]]
    for part in (corpus.iloc[:200], corpus.iloc[200:400], corpus.iloc[400:]):
        warehouse.publish(part, assign_clusters(part, warehouse))
    precision, recall = pairwise_scores(corpus, warehouse.read("articles", ["article_id", "cluster_id"]))
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    published = warehouse.tables["articles"]
    copies = published[published["duplicate_of"].notna()]
    assert set(warehouse.tables["duplicates"]["article_id"]) == set(copies["article_id"])
    canonical_per_cluster = published.groupby("cluster_id")["is_canonical"].sum()
    assert (canonical_per_cluster == 1).all()


def test_corpus_is_seeded():
    assert syndication_corpus(50, seed=3).equals(syndication_corpus(50, seed=3))


def test_bodies_read_in_parts_cluster_as_bodies_held_together(warehouse):
    corpus = syndication_corpus(600, seed=13)
    corpus["content_hash"] = [content_hash(b) for b in corpus["body"]]
    together = assign_clusters(corpus, warehouse)
    parts = (corpus.iloc[start : start + 150][["article_id", "content_hash", "body"]] for start in range(0, 600, 150))
    apart = assign_clusters(corpus.drop(columns=["body"]), warehouse, bodies=parts)
    for found, expected in ((apart.clusters, together.clusters), (apart.duplicates, together.duplicates)):
        pd.testing.assert_frame_equal(
            found.sort_values("article_id", ignore_index=True), expected.sort_values("article_id", ignore_index=True)
        )
    assert sorted(apart.signatures["content_hash"]) == sorted(together.signatures["content_hash"])
    assert (~together.clusters["is_canonical"]).sum() > 50  # the corpus holds copies across the parts
