"""Web archives (`.warc`, `.warc.gz` with a gzip member per record, as Common Crawl News writes them), read with
FastWARC: every HTML response with status 200 is a document; other records are counted by kind; damaged ones are
refused with a reason, and the records after them are still read.

An archive is read in slices (`WarcSlice`: the records that start in a byte range of the file), so that a 1 GB
archive is never held whole and its slices spread over batches as files do. `warc_slices` finds the boundaries in
one pass that decompresses the records without keeping them; `read_slice` reads one slice.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from tasks.ingest.decode import decode_text
from tasks.ingest.readers import RawDocument
from tasks.ingest.rejection import InputRejected, Rejection
from tasks.ingest.sources import Source, name_of, open_source, source_uri

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
RECORD_KINDS = {
    int(kind): str(kind)
    for kind in (
        WarcRecordType.warcinfo,
        WarcRecordType.request,
        WarcRecordType.metadata,
        WarcRecordType.revisit,
        WarcRecordType.resource,
        WarcRecordType.conversion,
        WarcRecordType.continuation,
    )
}
TOO_LARGE = "too_large"
SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class WarcSlice:
    """The records of an archive that start in [start, end) of its bytes: what a batch reads of it, by reference."""

    source: Source
    start: int
    end: int | None
    records: int
    bytes: int
    """Uncompressed bytes of its records: reading the slice holds one of them at a time."""


@dataclass(frozen=True)
class NotArticle:
    """A record that is no article page (a request, a redirect, an image, ...): counted by kind, not stored."""

    kind: str


@dataclass(frozen=True)
class _Record:
    offset: int
    record: WarcRecord
    kind: str | None
    """None for an HTML page with status 200 (its payload is read), else what the record is."""
    payload: bytes | None = None


@dataclass(frozen=True)
class _Damage:
    """Bytes that could not be read as records ([start, end)), or one record whose data does not fit its header."""

    start: int
    end: int
    reason: str
    detail: str
    record_id: str | None = None


def _kind(record: WarcRecord, max_bytes: int) -> str | None:
    if record.record_type != WarcRecordType.response:
        return RECORD_KINDS.get(int(record.record_type), "other")
    if not record.is_http:
        return "not_http"
    status = record.http_headers.status_code or 0
    if 300 <= status < 400:
        return "redirect"
    if status in (404, 410):
        return "not_found"
    if status != 200:
        return "http_error"
    mime = (record.http_content_type or "").split(";")[0].strip().lower()
    if mime.startswith("image/"):
        return "image"
    if mime == "application/pdf":
        return "pdf"
    if mime and mime not in HTML_TYPES:
        return "not_html"
    return TOO_LARGE if record.content_length > max_bytes else None


def _read(record: WarcRecord, offset: int, max_bytes: int | None) -> _Record | _Damage:
    """The record with its payload read when it is a page (max_bytes None: headers only, for finding slices)."""
    if max_bytes is None:
        return _Record(offset, record, "record")
    kind = _kind(record, max_bytes)
    if kind is not None:
        return _Record(offset, record, kind)
    payload = record.reader.read()
    if len(payload) < record.content_length:
        detail = f"the record is cut short: {len(payload):,} of {record.content_length:,} payload bytes"
        return _Damage(offset, offset, "truncated_record", detail, record.record_id)
    return _Record(offset, record, None, payload)


def _marker(source: Source) -> bytes:
    """How a record starts on disk: a gzip member, or a WARC version line."""
    return b"\x1f\x8b\x08" if name_of(source).lower().endswith(".gz") else b"WARC/1."


def _next_start(stream: IO[bytes], after: int, end: int | None, marker: bytes) -> int | None:
    """Where the next record may start at or after `after` (before `end`): the next gzip member or version line."""
    stream.seek(after)
    position, tail = after, b""
    while (end is None or position < end) and (chunk := stream.read(SCAN_CHUNK)):
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            start = position - len(tail) + found
            return start if end is None or start < end else None
        tail = window[-(len(marker) - 1) :]
        position += len(chunk)
    return None


def _fits_its_digest(stream: IO[bytes], offset: int) -> bool | None:
    """Whether the record at `offset` holds the block its WARC-Block-Digest names (None: it names none)."""
    stream.seek(offset)
    try:
        record = next(iter(ArchiveIterator(stream, parse_http=False)))
        return record.verify_block_digest(consume=True) if record.headers.get("WARC-Block-Digest") else None
    except (OSError, ValueError, StopIteration):
        return False


def _records(stream: IO[bytes], source: Source, start: int, end: int | None, max_bytes: int | None) -> Iterator:
    """The records that start in [start, end), and the damage between them, in the order of the archive.

    A record is handed out once the record after it has been read, or the slice ended cleanly. When the next one
    cannot be read, the held record is checked against its block digest: if its data does not match, its
    Content-Length lied and it is refused; otherwise what follows it is damage. Reading resumes at the next gzip
    member (or version line) that reads.
    """
    marker, position = _marker(source), start
    held: _Record | None = None
    damaged: tuple[int, str, str] | None = None
    guessed = False  # the damage is only known to start after the record before it, not yet where
    last_offset = start
    while position is not None:
        stream.seek(position)
        resumed, current = True, None
        try:
            for record in ArchiveIterator(stream, parse_http=max_bytes is not None, auto_decode="none"):
                offset = record.stream_pos
                if end is not None and offset >= end:
                    break
                last_offset = offset
                current = _read(record, offset, max_bytes)
                if damaged is not None:
                    yield _Damage(damaged[0], offset, *damaged[1:])
                    damaged, guessed = None, False
                if held is not None:
                    yield held
                held, resumed = None, False
                if isinstance(current, _Damage):
                    break
                held = current
            if not isinstance(current, _Damage):
                break
            # A record cut short: the archive ends there, or its Content-Length claims more than it holds and the
            # records it swallowed start at the next gzip member (or version line).
            position = _next_start(stream, current.start + 1, end, marker)
            if position is None:
                yield current
            else:
                words = "its Content-Length is larger than its data (the next record starts before it ends)"
                yield _Damage(current.start, position, "bad_length", words, current.record_id)
        except (OSError, ValueError) as err:
            failed_at = position if resumed else last_offset + 1
            reason = "bad_gzip" if "zip" in str(err).lower() else "malformed_record"
            if resumed and guessed:  # the damage starts here, not right after the record before it
                damaged, guessed = None, False
            if held is not None and not resumed:
                suspect, held = held, None
                if _fits_its_digest(stream, suspect.offset) is False:
                    position = _next_start(stream, failed_at, end, marker)
                    words = "its Content-Length does not match its data (its block digest fails)"
                    record_id = suspect.record.record_id
                    yield _Damage(suspect.offset, position or suspect.offset, "bad_length", words, record_id)
                    continue
                yield suspect
                guessed = damaged is None
            damaged = damaged or (failed_at, reason, str(err))
            position = _next_start(stream, failed_at + resumed, end, marker)
    if held is not None:
        yield held
    if damaged is not None:
        yield _Damage(damaged[0], end if end is not None else stream.seek(0, io.SEEK_END), *damaged[1:])


def warc_slices(source: Source, max_records: int, max_bytes: int) -> Iterator[WarcSlice]:
    """The archive in consecutive slices of at most `max_records` records and about `max_bytes` of them (a record
    larger than that is a slice of its own); at least one, which a damaged or empty archive is reported from."""
    start, records, size = 0, 0, 0
    try:
        with open_source(source) as stream:
            for item in _records(stream, source, 0, None, None):
                if isinstance(item, _Damage):
                    continue
                weight = item.record.content_length
                if records and (records >= max(1, max_records) or size + weight > max_bytes):
                    yield WarcSlice(source, start, item.offset, records, size)
                    start, records, size = item.offset, 0, 0
                records += 1
                size += weight
    except OSError:
        pass  # unreadable: reading its slice says so
    yield WarcSlice(source, start, None, records, size)


def _decoded(record: WarcRecord, payload: bytes, max_bytes: int) -> bytes:
    """The page as served: chunked transfer and gzip, deflate or brotli content encodings undone (bounded)."""
    headers = record.http_headers
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        payload = ChunkedReader(io.BytesIO(payload)).read()
    codings = [c.strip().lower() for c in (headers.get("Content-Encoding") or "").split(",") if c.strip()]
    for coding in reversed(codings):
        if coding in ("gzip", "x-gzip"):
            payload = GzipReader(io.BytesIO(payload)).read(max_bytes + 1)
        elif coding == "br":
            payload = BrotliReader(io.BytesIO(payload)).read(max_bytes + 1)
        elif coding == "deflate":
            payload = zlib.decompressobj(zlib.MAX_WBITS | 32).decompress(payload, max_bytes + 1)
        elif coding != "identity":
            raise InputRejected("undecodable", f"the page's content encoding '{coding}' is not one newsdesk reads")
        if len(payload) > max_bytes:
            raise InputRejected(TOO_LARGE, f"the page is larger than the {max_bytes:,}-byte limit once decompressed")
    return payload


def _document(uri: str, compression: str | None, item: _Record, max_bytes: int) -> RawDocument:
    record = item.record
    try:
        body = _decoded(record, item.payload, max_bytes)
    except (OSError, zlib.error) as err:
        raise InputRejected("undecodable", f"the page's HTTP body does not decode ({err})") from None
    text, encoding = decode_text(body, record.http_charset)
    try:
        fetched_at = record.record_date
    except ValueError:
        fetched_at = None
    return RawDocument(
        doc_id=hashlib.sha256(body).hexdigest(),
        source_uri=uri,
        format="warc",
        byte_size=len(body),
        encoding=encoding,
        compression=compression,
        html=text,
        url=record.headers.get("WARC-Target-URI"),
        fetched_at=fetched_at,
    )


def _record_uri(uri: str, record: WarcRecord | None, offset: int) -> str:
    """`<file uri>#<WARC-Record-ID>` (stable across runs and re-compression), or `#offset=<n>` without an id."""
    record_id = (record.record_id or "").strip("<>") if record is not None else ""
    return f"{uri}#{record_id}" if record_id else f"{uri}#offset={offset}"


def read_slice(piece: WarcSlice, max_bytes: int) -> Iterator[RawDocument | Rejection | NotArticle]:
    """Every record of the slice as a document, a counted non-article or a refusal with its reason."""
    uri = source_uri(piece.source)
    compression = "gzip" if name_of(piece.source).lower().endswith(".gz") else None
    seen = False
    try:
        with open_source(piece.source) as stream:
            for item in _records(stream, piece.source, piece.start, piece.end, max_bytes):
                seen = True
                if isinstance(item, _Damage):
                    where = f"{uri}#{item.record_id.strip('<>')}" if item.record_id else f"{uri}#offset={item.start}"
                    span = "" if item.record_id else f" (bytes {item.start:,}-{item.end:,} skipped)"
                    yield Rejection(where, item.reason, f"{item.detail}{span}; the records after it were read")
                elif item.kind == TOO_LARGE:
                    detail = f"the page's {item.record.content_length:,} bytes are over the {max_bytes:,}-byte limit"
                    yield Rejection(_record_uri(uri, item.record, item.offset), TOO_LARGE, detail)
                elif item.kind is not None:
                    yield NotArticle(item.kind)
                else:
                    record_uri = _record_uri(uri, item.record, item.offset)
                    try:
                        yield _document(record_uri, compression, item, max_bytes)
                    except InputRejected as err:
                        digest = hashlib.sha256(item.payload).hexdigest()
                        yield Rejection(record_uri, err.reason, err.detail, doc_id=digest)
    except OSError as err:
        yield Rejection(uri, "unreadable", f"the archive cannot be read: {err.strerror or err}")
        return
    if not seen and piece.start == 0:
        yield Rejection(uri, "empty", "the archive holds no WARC record")
