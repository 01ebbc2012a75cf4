"""HTML pages: trafilatura finds the article text and the page's own metadata (offline, no fetching)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import trafilatura

from tasks.clean.dates import parse_date


@dataclass
class HtmlPage:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published_at: datetime | None = None


def read_html_page(html: str) -> HtmlPage:
    """The main text of the page, one paragraph a line, with title, authors, site name and date from its markup."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True},
    )
    if document is None or not document.text:
        return HtmlPage(text="")
    authors = [name.strip() for name in (document.author or "").replace(";", ",").split(",") if name.strip()]
    return HtmlPage(
        text=document.text.replace("\n", "\n\n"),
        title=document.title or None,
        authors=authors,
        publisher=document.sitename or None,
        published_at=parse_date(document.date) if document.date else None,
    )
