"""Readers by file name: .txt, .html/.htm and .jsonl, any of them gzip-compressed (NAME.gz); web archives
(.warc, .warc.gz) are read by tasks/ingest/warc.py."""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from tasks.ingest.decode import decode_text
from tasks.ingest.rejection import InputRejected, Rejection
from tasks.ingest.sources import Source, name_of, open_source, source_uri

FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".warc": "warc"}
JSONL_STRING_FIELDS = ("url", "title", "text", "html", "published", "publisher")


@dataclass(frozen=True)
class RawDocument:
    """One document as received, decoded to text, with what its container says about it."""

    doc_id: str
    source_uri: str
    format: str
    byte_size: int
    encoding: str
    compression: str | None = None
    external_id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    fetched_at: datetime | None = None


def format_of(source: Source) -> tuple[str | None, str | None]:
    """(format, compression) from the file name; format is None for an extension no reader takes."""
    name = name_of(source).lower()
    compression = "gzip" if name.endswith(".gz") else None
    stem = Path(name[:-3]) if compression else Path(name)
    return FORMATS.get(stem.suffix), compression


@contextmanager
def _open(source: Source, compression: str | None) -> Iterator[IO[bytes]]:
    with open_source(source) as raw:
        if compression is None:
            yield raw
        else:
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield stream


def _read_bounded(stream: IO[bytes], max_bytes: int) -> bytes:
    """Read at most max_bytes; more is refused before it is decompressed or held in memory."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputRejected("too_large", f"larger than the {max_bytes:,}-byte limit; split it or raise --max-bytes")
    return data


def _document(uri: str, fmt: str, compression: str | None, data: bytes, **fields) -> RawDocument:
    text, encoding = decode_text(data)
    body = {"html": text} if fmt == "html" else {"text": text}
    return RawDocument(
        doc_id=hashlib.sha256(data).hexdigest(),
        source_uri=uri,
        format=fmt,
        byte_size=len(data),
        encoding=encoding,
        compression=compression,
        **(body | fields),
    )


def _jsonl_record(uri: str, compression: str | None, line: bytes) -> RawDocument:
    text, encoding = decode_text(line)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputRejected("malformed_json", f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise InputRejected("malformed_record", f"a record must be a JSON object, not {type(record).__name__}")
    wrong = [f for f in JSONL_STRING_FIELDS if record.get(f) is not None and not isinstance(record[f], str)]
    if wrong:
        raise InputRejected("malformed_record", f"field(s) {', '.join(wrong)} must be strings")
    if not (record.get("text") or "").strip() and not (record.get("html") or "").strip():
        raise InputRejected("missing_text", "the record has neither a 'text' nor an 'html' field with content")
    external_id = record.get("id")
    if external_id is not None and not isinstance(external_id, (str, int)):
        raise InputRejected("malformed_record", "field 'id' must be a string or a number")
    return RawDocument(
        doc_id=hashlib.sha256(line).hexdigest(),
        source_uri=uri,
        format="jsonl",
        byte_size=len(line),
        encoding=encoding,
        compression=compression,
        external_id=None if external_id is None else str(external_id),
        text=record.get("text") if (record.get("text") or "").strip() else None,
        html=None if (record.get("text") or "").strip() else record.get("html"),
        title=record.get("title"),
        url=record.get("url"),
        published=record.get("published"),
        publisher=record.get("publisher"),
    )


def _jsonl_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over the limit, which is skipped without being held."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line.rstrip(b"\r\n")


def read_path(source: Source, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Every document in the file, or a Rejection for the file or for each record that cannot be taken."""
    uri = source_uri(source)
    fmt, compression = format_of(source)
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        yield Rejection(
            uri, "unknown_extension", f"no reader for '{name_of(source)}'; newsdesk reads {known} (optionally .gz)"
        )
        return
    try:
        with _open(source, compression) as stream:
            if fmt != "jsonl":
                yield _document(uri, fmt, compression, _read_bounded(stream, max_bytes))
                return
            records = 0
            for number, line in _jsonl_lines(stream, max_bytes):
                record_uri = f"{uri}#L{number}"
                records += line is None or bool(line.strip())
                if line is None:
                    yield Rejection(record_uri, "too_large", f"the line is over the {max_bytes:,}-byte limit")
                elif line.strip():
                    try:
                        yield _jsonl_record(record_uri, compression, line)
                    except InputRejected as err:
                        digest = hashlib.sha256(line).hexdigest()
                        yield Rejection(record_uri, err.reason, err.detail, doc_id=digest)
            if not records:
                yield Rejection(uri, "empty", "the file has no records; a .jsonl file holds one JSON object per line")
    except InputRejected as err:
        yield Rejection(uri, err.reason, err.detail)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield Rejection(uri, "bad_gzip", f"the gzip data is corrupt or cut short ({err}); re-compress the file")
    except OSError as err:
        yield Rejection(uri, "unreadable", f"the file cannot be read: {err.strerror or err}")
