"""Web archives like Common Crawl News writes them, made with FastWARC's writer: a gzip member per record, each page
a request and a response, with redirects, 404s, images, PDFs and revisits between them.

`cc_news_archive` writes a synthetic archive of a given size from the benchmark corpus, each article on a page
shaped like a real news page (`benchmarks/news_page.py`), for the WARC benchmark; `warc_member` and
`http_response` make single records, which the tests also use to build damaged archives.
"""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastwarc.stream_io import GzipWriter
from fastwarc.warc import WarcRecord, WarcRecordType

from benchmarks.corpus import syndication_corpus
from benchmarks.news_page import news_page

CRAWLED = datetime(2026, 11, 30, tzinfo=UTC)
HTML = "text/html; charset=utf-8"


def http_response(body: bytes, status: str = "200 OK", content_type: str | None = HTML, **headers: str) -> bytes:
    """An HTTP/1.1 response as a WARC response record holds it (headers, blank line, body as sent)."""
    lines = [f"HTTP/1.1 {status}"]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def warc_member(
    kind: WarcRecordType, uri: str, block: bytes, date: datetime = CRAWLED, gzip: bool = True, **headers: str
) -> bytes:
    """One WARC record (a gzip member of its own unless gzip is False), with its Content-Length and digests."""
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = uri
    record.headers["WARC-Date"] = date.strftime("%Y-%m-%dT%H:%M:%SZ")
    for name, value in headers.items():
        record.headers[name.replace("_", "-")] = value
    if kind in (WarcRecordType.response, WarcRecordType.request, WarcRecordType.revisit):
        msgtype = "request" if kind == WarcRecordType.request else "response"
        record.headers["Content-Type"] = f"application/http; msgtype={msgtype}"
    record.set_bytes_content(block)
    out = io.BytesIO()
    writer = GzipWriter(out) if gzip else out
    record.write(writer, checksum_data=True)
    if gzip:
        writer.close()  # ends the gzip member
    return out.getvalue()


def request_member(uri: str, date: datetime = CRAWLED) -> bytes:
    host = uri.split("/")[2]
    block = f"GET /{uri.split('/', 3)[-1]} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: newsdesk-bench\r\n\r\n".encode()
    return warc_member(WarcRecordType.request, uri, block, date)


OUTLETS = ("daily-ledger.example", "baltic-wire.example", "coastal-times.example", "metro-post.example")


def _non_article(rng: random.Random, uri: str, date: datetime) -> bytes:
    """A record a news crawl also holds: a redirect, a 404, an image, a PDF or a revisit."""
    kind = rng.choice(("redirect", "not_found", "image", "pdf", "revisit"))
    if kind == "redirect":
        block = http_response(b"", "301 Moved Permanently", None, Location=uri + "/")
    elif kind == "not_found":
        block = http_response(b"<html><body>Not found</body></html>", "404 Not Found")
    elif kind == "image":
        block = http_response(rng.randbytes(rng.randint(5_000, 60_000)), content_type="image/jpeg")
    elif kind == "pdf":
        block = http_response(b"%PDF-1.7\n" + rng.randbytes(rng.randint(5_000, 60_000)), content_type="application/pdf")
    else:
        block = http_response(b"", content_type=HTML)
        return warc_member(
            WarcRecordType.revisit,
            uri,
            block,
            date,
            WARC_Profile="http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
        )
    return warc_member(WarcRecordType.response, uri, block, date)


def cc_news_archive(path: Path, target_bytes: int, seed: int = 2026, non_article_share: float = 0.08) -> dict:
    """Write an archive of at least `target_bytes`: for each article a request and a response record, and
    `non_article_share` of other responses. Returns what it holds (pages, records, bytes)."""
    rng = random.Random(seed)
    pages = records = 0
    with path.open("wb") as out:
        while out.tell() < target_bytes:
            for row in syndication_corpus(2000, seed=rng.randrange(2**31)).itertuples(index=False):
                outlet = rng.choice(OUTLETS)
                uri = f"https://{outlet}/{row.published_at:%Y/%m/%d}/{row.article_id}-{rng.randrange(10**6)}"
                date = CRAWLED + timedelta(seconds=records)
                page = news_page(rng, row, outlet, uri).encode()
                out.write(request_member(uri, date))
                out.write(warc_member(WarcRecordType.response, uri, http_response(page), date))
                pages, records = pages + 1, records + 2
                if rng.random() < non_article_share:
                    out.write(_non_article(rng, f"https://{outlet}/asset/{rng.randrange(10**9)}", date))
                    records += 1
                if out.tell() >= target_bytes:
                    break
        size = out.tell()
    return {"pages": pages, "records": records, "bytes": size}
