"""What a crawled page's URL tells when its markup does not: the outlet (its host) and a date in its path
(`/2026/03/14/...`, found by htmldate), never the time it was crawled."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from htmldate import find_date


def host_of(url: str | None) -> str | None:
    """The host without `www.`: the publisher of a page whose markup names no site."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or None


def date_in_url(url: str | None) -> datetime | None:
    """The day a URL's path names, as midnight UTC; None when it names none."""
    if not url:
        return None
    day = find_date("<html></html>", url=url, extensive_search=False, outputformat="%Y-%m-%d")
    return datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC) if day else None
