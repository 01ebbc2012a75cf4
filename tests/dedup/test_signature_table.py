"""The signature index survives a round trip through Parquet written with its declared schema, and joins from parts."""

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tasks.dedup.clusters import assign_clusters
from tasks.dedup.published import SIGNATURES_TABLE, FramesIndex
from tasks.dedup.settings import DedupSettings
from tasks.dedup.signatures import Signatures, joined_rows, signature_rows
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


def test_signatures_signed_in_parts_join_into_rows_that_decode_without_a_copy():
    settings = DedupSettings()
    frame = articles(*({"article_id": f"a{i}", "body": body(RIGA_FOOTBRIDGE[i % 3 :]) + f" {i}"} for i in range(6)))
    parts = [signature_rows(frame.iloc[i : i + 2], settings) for i in range(0, 6, 2)]
    joined = joined_rows(parts, settings)
    whole = signature_rows(frame, settings)
    assert joined["article_id"].tolist() == whole["article_id"].tolist()
    assert (
        joined["minhash"].tolist() == whole["minhash"].tolist() and joined["facts"].tolist() == whole["facts"].tolist()
    )
    first, again = Signatures.from_rows(joined, settings), Signatures.from_rows(joined, settings)
    assert np.shares_memory(first.minhash, again.minhash)  # both are views of the joined rows' one buffer
