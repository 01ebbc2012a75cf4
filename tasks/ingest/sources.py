"""Where an input is: a local file (a Path) or an fsspec URL (`s3://bucket/crawl/x.warc.gz`), opened alike."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import fsspec

Source = Path | str
"""A local file, or the URL of a remote one (a str)."""


def source_uri(source: Source) -> str:
    """The input's URI as `documents.source_uri` starts: file:///... for a local file, the URL itself otherwise."""
    return source.as_uri() if isinstance(source, Path) else source


def name_of(source: Source) -> str:
    return source.name if isinstance(source, Path) else source.rstrip("/").rsplit("/", 1)[-1]


def open_source(source: Source) -> IO[bytes]:
    """A binary stream of the input: seekable, and read as it is consumed (a URL is fetched in ranges)."""
    return open(source, "rb") if isinstance(source, Path) else fsspec.open(source, "rb").open()
