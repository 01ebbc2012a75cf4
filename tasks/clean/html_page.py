"""HTML pages: trafilatura finds the article text and the page's own metadata (offline, no fetching)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.baseline import baseline
from trafilatura.utils import load_html

from tasks.clean.dates import parse_date

HIDDEN = (
    "//*[@hidden]"
    "|//*[contains(translate(@style, ' ', ''), 'display:none')]"
    "|//*[contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
"""Elements a reader never sees: whatever they hold is not the article."""
_META = "//meta[contains(concat(' ', normalize-space(@{attribute}), ' '), ' {name} ')]/@content"
_SITE_NAMES = (("property", "og:site_name"),)
_AUTHORS = (("name", "author"), ("property", "article:author"), ("property", "dc:creator"), ("name", "dc.creator"))
"""Meta tags read when trafilatura finds no site name or author, in this order."""
_SHORT_BODY = 600
_FALLBACK_GAIN = 1.5
"""A body under `_SHORT_BODY` characters (some 100 English words; characters, so that scripts written without
spaces count alike) is checked against trafilatura's baseline (JSON-LD article body, <article>,
every <p>): when the baseline holds half again as much text or more, the main extraction cut the article
short and the baseline's paragraphs are read instead."""
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
    its reason. The page is parsed once: trafilatura works on a copy, the meta tags and the baseline read it after."""
    tree = load_html(html)
    if tree is None:
        return HtmlPage()
    document = trafilatura.bare_extraction(
        tree,
        favor_recall=True,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        prune_xpath=HIDDEN,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True},
    )
    page = HtmlPage(
        paragraphs=list(_paragraphs(document.body)) if document is not None and document.body is not None else []
    )
    if document is not None:
        page.title = document.title or None
        page.authors = _names(document.author)
        page.publisher = document.sitename or None
        page.published_at = parse_date(document.date) if document.date else None
    if not page.publisher or not page.authors:
        _fill_from_meta_tags(page, tree)
    if _length(page.paragraphs) < _SHORT_BODY:
        page.paragraphs = _baseline_if_longer(tree, page.paragraphs)
    return page


def _length(paragraphs: list[str]) -> int:
    return sum(len(paragraph) for paragraph in paragraphs)


def _baseline_if_longer(tree: HtmlElement, paragraphs: list[str]) -> list[str]:
    """The baseline's paragraphs of the page with its hidden elements taken out (from `tree`, which is read no
    more), when they hold `_FALLBACK_GAIN` times the text of `paragraphs`; else `paragraphs`. A baseline that
    fell back to the whole page's text (one block) is no article and is not taken."""
    for hidden in tree.xpath(HIDDEN):
        hidden.drop_tree()
    body, _, _ = baseline(tree)
    found = list(_paragraphs(body)) if len(body) > 1 or "\n" not in (body.findtext("p") or "") else []
    return found if _length(found) >= _FALLBACK_GAIN * max(1, _length(paragraphs)) else paragraphs


def _names(authors: str | None) -> list[str]:
    return [name.strip() for name in (authors or "").replace(";", ",").split(",") if name.strip()]


def _fill_from_meta_tags(page: HtmlPage, tree: HtmlElement) -> None:
    """The site name and authors of the page's meta tags, where trafilatura found none."""

    def first(tags: tuple[tuple[str, str], ...]) -> str | None:
        for attribute, name in tags:
            for content in tree.xpath(_META.format(attribute=attribute, name=name)):
                if content.strip() and "://" not in content:
                    return " ".join(content.split())
        return None

    page.publisher = page.publisher or first(_SITE_NAMES)
    page.authors = page.authors or _names(first(_AUTHORS))


def _paragraphs(element: _Element) -> Iterator[str]:
    """Each block of trafilatura's body as one line: list items and table rows apart, a <br> ends a line."""
    for child in element:
        if child.tag == "row":
            row = " ".join(_collapsed(" ".join(cell.itertext())) for cell in child if cell.tag == "cell")
            if row.strip():
                yield row.strip()
        elif child.tag in _CONTAINERS or (child.tag == "item" and any(c.tag in _CONTAINERS for c in child)):
            yield from _lines(child, only_own=True)
            yield from _paragraphs(child)
        else:
            yield from _lines(child)
        if tail := _collapsed(child.tail or ""):
            yield tail


def _lines(element: _Element, only_own: bool = False) -> Iterator[str]:
    """The element's text split at its <br>s and blocks, whitespace collapsed; `only_own`: without its blocks."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append(child.tail or "")
        elif child.tag in _BLOCKS:
            pieces += ["" if only_own else " ".join(child.itertext()), child.tail or ""]
        else:
            pieces[-1] += "".join(child.itertext()) + (child.tail or "")
    for piece in pieces:
        if line := _collapsed(piece):
            yield line


def _collapsed(text: str) -> str:
    return " ".join(text.split())
