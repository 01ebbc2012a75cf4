import pandas as pd
import pyarrow as pa

from tasks.dedup.membership import positions
from tasks.text.content_hash import content_hash, content_hashes


def _chunked_column(texts: list[str], size: int) -> pd.Series:
    chunks = [pa.array(texts[i : i + size], pa.large_string()) for i in range(0, len(texts), size)]
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)))


def test_chunked_bodies_hash_as_one_by_one():
    bodies = ["Storm hits coast.", "STORM hits   coast", "Markets fell 2%", ""]
    assert content_hashes(_chunked_column(bodies, 3)) == [content_hash(b) for b in bodies]


def test_positions_are_first_occurrences_or_minus_one():
    assert positions(["b", "z", "a"], pa.array(["a", "b", "a", "b"])).tolist() == [1, -1, 0]
