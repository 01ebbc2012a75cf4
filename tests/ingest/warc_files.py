"""Web archives the tests write themselves from the project's HTML fixtures, with FastWARC's writer, and damaged
copies of them made by hand: a gzip member per record, as Common Crawl News writes them."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from fastwarc.warc import WarcRecordType

from benchmarks.warc_corpus import http_response, request_member, warc_member
from tasks.settings import PROJECT_ROOT

FIXTURES = PROJECT_ROOT / "tests" / "clean" / "fixtures"
NEWS_PAGE = (FIXTURES / "html_news_page.html").read_bytes()
BROADCASTER_PAGE = (FIXTURES / "html_public_broadcaster.html").read_bytes()
BALTIC_PAGE = (
    "<html><head><title>Rīgas ostā jauns rekords</title></head><body><article><h1>Rīgas ostā jauns rekords</h1>"
    "<p>Rīgas brīvostas pārvalde pirmdien paziņoja, ka ostā pārkrauts rekordliels kravu apjoms.</p>"
    "<p>Ostas valdes priekšsēdētājs Ansis Zeltiņš sacīja, ka kravu apgrozījums pieaudzis par desmit procentiem.</p>"
    "<p>Šogad ostā ieguldīti vairāk nekā divdesmit miljoni eiro, un darbi turpināsies arī nākamgad.</p>"
    "</article></body></html>"
).encode("cp1257")
"""A Latvian page in the Baltic code page, with no charset in its markup: only its HTTP header names it."""


@dataclass(frozen=True)
class Member:
    """One record as written: a gzip member, and what the reader should make of it."""

    data: bytes
    expect: str
    """'article', a non-article kind, or a quarantine reason."""
    uri: str = ""


def page(uri: str, html: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> Member:
    block = http_response(html, content_type=content_type, **headers)
    return Member(warc_member(WarcRecordType.response, uri, block), "article", uri)


def other(kind: str, uri: str) -> Member:
    """A record of each kind a news crawl holds besides its pages."""
    if kind == "request":
        return Member(request_member(uri), kind, uri)
    if kind == "revisit":
        block = http_response(b"", content_type=None)
        return Member(warc_member(WarcRecordType.revisit, uri, block), kind, uri)
    if kind == "metadata":
        return Member(warc_member(WarcRecordType.metadata, uri, b"fetchTimeMs: 120\r\n"), kind, uri)
    block = {
        "redirect": http_response(b"", "301 Moved Permanently", None, Location=uri + "/"),
        "not_found": http_response(b"<html><body>Page not found</body></html>", "404 Not Found"),
        "image": http_response(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8, content_type="image/jpeg"),
        "pdf": http_response(b"%PDF-1.7\n" + bytes(range(256)) * 8, content_type="application/pdf"),
    }[kind]
    return Member(warc_member(WarcRecordType.response, uri, block), kind, uri)


def crawl(host: str = "news.example") -> list[Member]:
    """A small crawl: each fixture page with its request, a page whose charset only its header names, a gzip
    encoded and chunked page, and a record of every other kind."""
    chunked = gzip.compress(BROADCASTER_PAGE)
    chunked_body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(chunked), chunked)
    return [
        other("request", f"https://{host}/2024/01/22/transit"),
        page(f"https://{host}/2024/01/22/transit", NEWS_PAGE),
        page(f"https://{host}/2024/03/14/riga-port", BALTIC_PAGE, "text/html; charset=windows-1257"),
        page(
            f"https://{host}/wage",
            chunked_body,
            Content_Encoding="gzip",
            Transfer_Encoding="chunked",
        ),
        *(other(kind, f"https://{host}/{kind}") for kind in ("redirect", "not_found", "image", "pdf", "revisit")),
        other("metadata", f"https://{host}/2024/01/22/transit"),
    ]


def write(path: Path, members: list[Member]) -> Path:
    path.write_bytes(b"".join(m.data for m in members))
    return path


def inflated(member: Member) -> bytes:
    return gzip.decompress(member.data)


def with_content_length(member: Member, delta: int, expect: str = "bad_length") -> Member:
    """The record with a WARC Content-Length that lies by `delta` bytes."""
    record = re.sub(
        rb"Content-Length: (\d+)", lambda m: b"Content-Length: %d" % (int(m[1]) + delta), inflated(member), count=1
    )
    return Member(gzip.compress(record), expect, member.uri)


def corrupted(member: Member) -> Member:
    """The member with its deflate data overwritten in the middle: a bad gzip member."""
    data = bytearray(member.data)
    data[20:60] = b"\x00" * 40
    return Member(bytes(data), "bad_gzip", member.uri)
