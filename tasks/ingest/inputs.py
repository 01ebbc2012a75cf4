"""What one batch item yields, whatever it is: a file or URL (any reader), a slice of a web archive, or a refusal
made while the inputs were found."""

from __future__ import annotations

from collections.abc import Iterator

from tasks.ingest.readers import RawDocument, format_of, read_path
from tasks.ingest.rejection import Rejection
from tasks.ingest.sources import Source
from tasks.ingest.warc import NotArticle, WarcSlice, read_slice

Item = Source | WarcSlice | Rejection
"""One entry of a batch."""


def read_item(item: Item, max_bytes: int) -> Iterator[RawDocument | Rejection | NotArticle]:
    if isinstance(item, Rejection):
        yield item
    elif isinstance(item, WarcSlice):
        yield from read_slice(item, max_bytes)
    elif format_of(item)[0] == "warc":
        yield from read_slice(WarcSlice(item, 0, None, 0, 0), max_bytes)
    else:
        yield from read_path(item, max_bytes)
