"""HTML pages: trafilatura finds the article text and the page's own metadata (offline, no fetching)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
from lxml.etree import _Element

from tasks.clean.dates import parse_date

HIDDEN = (
    "//*[@hidden]"
    "|//*[contains(translate(@style, ' ', ''), 'display:none')]"
    "|//*[contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
"""Elements a reader never sees: whatever they hold is not the article."""
_CONTAINERS = {"list", "table", "quote", "div"}
_BLOCKS = _CONTAINERS | {"row", "item", "p", "head", "code"}


@dataclass
class HtmlPage:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published_at: datetime | None = None

    @property
    def text(self) -> str:
        """One paragraph a block, blocks separated by a blank line, as cleaning reads text."""
        return "\n\n".join(self.paragraphs)


def read_html_page(html: str) -> HtmlPage:
    """The main text of the page, a paragraph per block element, with title, authors, site name and date from its
    markup. Recall is favoured: trafilatura drops a paragraph it is unsure of, cleaning takes furniture out with
    its reason."""
    document = trafilatura.bare_extraction(
        html,
        favor_recall=True,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        prune_xpath=HIDDEN,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True},
    )
    if document is None or document.body is None:
        return HtmlPage()
    authors = [name.strip() for name in (document.author or "").replace(";", ",").split(",") if name.strip()]
    return HtmlPage(
        paragraphs=list(_paragraphs(document.body)),
        title=document.title or None,
        authors=authors,
        publisher=document.sitename or None,
        published_at=parse_date(document.date) if document.date else None,
    )


def _paragraphs(element: _Element) -> Iterator[str]:
    """Each block of trafilatura's body as one line: list items and table rows apart, a <br> ends a line."""
    for child in element:
        if child.tag == "row":
            row = " ".join(_collapsed("".join(cell.itertext())) for cell in child if cell.tag == "cell")
            if row.strip():
                yield row.strip()
        elif child.tag in _CONTAINERS or (child.tag == "item" and any(c.tag in _CONTAINERS for c in child)):
            yield from _lines(child, only_own=True)
            yield from _paragraphs(child)
        else:
            yield from _lines(child)


def _lines(element: _Element, only_own: bool = False) -> Iterator[str]:
    """The element's text split at its <br>s and blocks, whitespace collapsed; `only_own`: without its blocks."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append(child.tail or "")
        elif child.tag in _BLOCKS:
            pieces += ["" if only_own else "".join(child.itertext()), child.tail or ""]
        else:
            pieces[-1] += "".join(child.itertext()) + (child.tail or "")
    for piece in pieces:
        if line := _collapsed(piece):
            yield line


def _collapsed(text: str) -> str:
    return " ".join(text.split())
