from tasks.dedup.clusters import assign_clusters
from tasks.dedup.settings import DedupSettings

from .frames import RIGA_FOOTBRIDGE, articles, body


def test_new_copy_is_compared_with_stored_signatures_only(warehouse):
    first = articles({"article_id": "orig", "body": body(RIGA_FOOTBRIDGE), "published_at": "2026-01-05T09:00Z"})
    warehouse.publish(first, assign_clusters(first, warehouse))
    copy = articles(
        {
            "article_id": "copy",
            "body": "RIGA (LETA) — " + body(RIGA_FOOTBRIDGE[:5]),
            "published_at": "2026-01-05T10:00Z",
        }
    )
    result = assign_clusters(copy, warehouse)
    assert result.clusters.to_dict("records") == [
        {"article_id": "copy", "cluster_id": "orig", "is_canonical": False, "duplicate_of": "orig"}
    ]
    assert result.signatures["article_id"].tolist() == ["copy"]


def test_article_bridging_two_published_clusters_merges_them_under_the_older_id(warehouse):
    first = articles(
        {"article_id": "head", "body": body(RIGA_FOOTBRIDGE[:4]), "published_at": "2026-01-05T12:00Z"},
        {"article_id": "tail", "body": body(RIGA_FOOTBRIDGE[2:]), "published_at": "2026-01-05T11:00Z"},
    )
    warehouse.publish(first, assign_clusters(first, warehouse))
    assert warehouse.tables["articles"]["cluster_id"].tolist() == ["head", "tail"]

    full = articles({"article_id": "full", "body": body(RIGA_FOOTBRIDGE), "published_at": "2026-01-05T13:00Z"})
    result = assign_clusters(full, warehouse)
    assert result.clusters.to_dict("records") == [
        {"article_id": "full", "cluster_id": "head", "is_canonical": False, "duplicate_of": "tail"}
    ]
    updates = result.cluster_updates.set_index("article_id").to_dict("index")
    assert updates == {
        "head": {"cluster_id": "head", "is_canonical": False, "duplicate_of": "tail"},
        "tail": {"cluster_id": "head", "is_canonical": True, "duplicate_of": None},
    }
    assert set(result.duplicates["article_id"]) == {"full", "head"}
    assert (result.duplicates["method"] == "near").all()


def test_canonical_that_becomes_a_copy_and_back_is_withdrawn_from_duplicates(warehouse):
    first = articles(
        {"article_id": "a", "body": body(RIGA_FOOTBRIDGE), "published_at": "2026-01-05T10:00Z"},
        {"article_id": "b", "body": body(RIGA_FOOTBRIDGE).upper(), "published_at": "2026-01-05T11:00Z"},
    )
    warehouse.publish(first, assign_clusters(first, warehouse))
    earlier = articles({"article_id": "c", "body": body(RIGA_FOOTBRIDGE), "published_at": "2026-01-05T08:00Z"})
    result = assign_clusters(earlier, warehouse)
    assert result.withdrawn_duplicates.empty
    assert result.duplicates.set_index("article_id")["duplicate_of"].to_dict() == {"a": "c", "b": "c"}


def test_signatures_of_another_scheme_are_rebuilt_once(warehouse):
    first = articles({"article_id": "orig", "body": body(RIGA_FOOTBRIDGE)})
    warehouse.publish(first, assign_clusters(first, warehouse, DedupSettings(shingle_words=4)))
    warehouse.tables["articles"]["body"] = body(RIGA_FOOTBRIDGE)
    copy = articles({"article_id": "copy", "body": body(RIGA_FOOTBRIDGE[:5])})
    result = assign_clusters(copy, warehouse)
    assert result.clusters["cluster_id"].tolist() == ["orig"]
    assert sorted(result.signatures["article_id"]) == ["copy", "orig"]
    assert set(result.signatures["scheme"]) == {DedupSettings().scheme}


def test_published_contents_are_resigned_a_file_at_a_time_and_each_once(warehouse):
    first = articles(
        {"article_id": "orig", "body": body(RIGA_FOOTBRIDGE)},
        {"article_id": "repost", "body": body(RIGA_FOOTBRIDGE)},
        {"article_id": "head", "body": body(RIGA_FOOTBRIDGE[:3])},
    )
    warehouse.publish(first, assign_clusters(first, warehouse, DedupSettings(shingle_words=4)))
    warehouse.tables["articles"]["body"] = first["body"]
    whole_reads = []
    original_read = warehouse.read
    warehouse.read = lambda table, columns=None: whole_reads.append(columns) or original_read(table, columns)
    warehouse.read_each = lambda table, columns=None: (original_read(table, columns).iloc[[i]] for i in range(3))

    result = assign_clusters(articles({"article_id": "copy", "body": body(RIGA_FOOTBRIDGE[:5])}), warehouse)

    assert sorted(result.signatures["article_id"]) == ["copy", "head", "orig"]  # the repost's content only once
    assert result.clusters["cluster_id"].tolist() == ["orig"]
    assert not any("body" in (columns or []) for columns in whole_reads)


def test_rerun_reads_no_signatures(warehouse):
    batch = articles(
        {"article_id": "a", "body": body(RIGA_FOOTBRIDGE)}, {"article_id": "b", "body": body(RIGA_FOOTBRIDGE[:5])}
    )
    warehouse.publish(batch, assign_clusters(batch, warehouse))
    reads = []
    original_read = warehouse.read
    warehouse.read = lambda table, columns=None: reads.append(table) or original_read(table, columns)
    result = assign_clusters(batch, warehouse)
    assert result.clusters.empty and result.signatures.empty
    assert result.cluster_updates.empty
    assert "dedup_signatures" not in reads
