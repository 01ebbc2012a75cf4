"""The signature index survives a round trip through Parquet written with its declared schema."""

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.dedup.clusters import assign_clusters
from tasks.dedup.published import SIGNATURES_TABLE, FramesIndex
from tasks.schemas import INTERNAL_TABLES

from .frames import RIGA_FOOTBRIDGE, articles, body


def test_signatures_written_and_read_as_parquet_find_a_later_copy(tmp_path, warehouse):
    first = articles({"article_id": "orig", "body": body(RIGA_FOOTBRIDGE)})
    result = assign_clusters(first, warehouse)
    schema = INTERNAL_TABLES[SIGNATURES_TABLE].schema
    path = tmp_path / "signatures.parquet"
    pq.write_table(
        pa.Table.from_pandas(result.signatures.assign(run_id="r1"), schema=schema, preserve_index=False), path
    )

    published = FramesIndex(
        {"articles": first.merge(result.clusters, on="article_id"), SIGNATURES_TABLE: pq.read_table(path).to_pandas()}
    )
    copy = articles({"article_id": "copy", "body": "By Anna Tamm, LETA\n\n" + body(RIGA_FOOTBRIDGE[1:])})
    assert assign_clusters(copy, published).clusters["cluster_id"].tolist() == ["orig"]
