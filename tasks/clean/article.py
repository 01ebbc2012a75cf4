"""What cleaning makes of one document: the article, its metadata, and every piece taken out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from tasks.clean.bylines import Byline, is_name, is_role, read_byline, read_dated_name, reporting_credit
from tasks.clean.datelines import cut_dateline
from tasks.clean.dates import date_at, parse_date, read_date_line, states_update
from tasks.clean.edges import mark_foreign_notices, mark_masthead, mark_related_lists, spread_to_controls
from tasks.clean.furniture import mark_furniture
from tasks.clean.headline import fold, mark_headline
from tasks.clean.html_page import read_html_page
from tasks.clean.language import detect_language, looks_english
from tasks.clean.lines import Line, paragraph_runs, run_text, split_lines
from tasks.clean.main_text import article_lines, mark_outside_article
from tasks.clean.normalize import normalize_text
from tasks.clean.passes import PassGuard
from tasks.clean.publisher import publisher_from_copyright, publisher_from_follow, publisher_from_title_line
from tasks.clean.pull_quotes import pull_quote_runs
from tasks.clean.segments import RemovedSegment
from tasks.clean.standfirst import standfirst_run

_ABOVE_TITLE = 4
_INTO_ARTICLE = 3
_TITLE_LINE_REACH = 5
_DATE_LINE_CHARS = 60
_DATE_LEAD_CHARS = 12
_TITLES = frozenset({"title", "repeated_title"})

__all__ = ["CleanArticle", "PageHints", "RemovedSegment", "clean_document"]


@dataclass(frozen=True)
class PageHints:
    """Metadata the container already states (JSONL fields); cleaning prefers them to guesses."""

    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    publisher: str | None = None


@dataclass
class CleanArticle:
    title: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published_at: datetime | None = None
    url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedSegment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Passes undone because they would have left nothing of the article."""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_document(text: str | None, html: str | None, hints: PageHints) -> CleanArticle:
    """Clean raw scraped text (or an HTML page) into an article; raise ValueError when no article is left."""
    page_authors: list[str] = []
    if html is not None:
        page = read_html_page(html)
        text, page_authors = page.text, page.authors
        hints = replace(
            hints,
            title=hints.title or page.title,
            publisher=hints.publisher or page.publisher,
            published_at=hints.published_at or page.published_at,
        )
    lines = split_lines(normalize_text(text or ""))
    if not lines:
        raise ValueError("no text: the document is empty or only whitespace")
    mark_furniture(lines)
    spread_to_controls(lines)
    guard = PassGuard(lines)
    page_edges = html is None  # trafilatura has already cut an HTML page down to its article: no page edges are left
    if page_edges:
        mark_foreign_notices(lines, _document_language(lines))
        guard.check("foreign_notice")
    mark_related_lists(lines)
    guard.check("related_teaser")
    span = article_lines(lines) if page_edges else None
    headline = mark_headline(lines, hints.title, span[0] if span else 0)
    guard.check("title")
    if page_edges:
        mark_masthead(lines, headline.index)
        guard.check("masthead")
    spread_to_controls(lines)
    if page_edges:
        mark_outside_article(lines, span)
        guard.check("outside_article")
    runs = paragraph_runs(lines)
    for position in pull_quote_runs(runs, whole_repeats=html is None):
        _remove_run(runs[position], "pull_quote")
    guard.check("pull_quote")
    standfirst = standfirst_run(lines, runs, headline.index)
    if standfirst is not None:
        _remove_run(standfirst, "standfirst")
        guard.check("standfirst")
        standfirst = standfirst if not standfirst[0].kept else None
    runs = [run for run in runs if run[0].kept]
    if not runs:
        raise ValueError("no article text left after removing page furniture")
    agency = cut_dateline(runs[0][0])
    top = _article_top(lines, headline.index, span)
    return CleanArticle(
        title=headline.title,
        kicker=headline.kicker,
        standfirst=run_text(standfirst) if standfirst else None,
        authors=_authors(lines, top) or page_authors,
        publisher=hints.publisher or _publisher(lines, agency, headline.title),
        published_at=hints.published_at or _published_at(lines, top),
        url=hints.url,
        paragraphs=[run_text(run) for run in runs],
        removed=_removed(lines),
        notes=guard.notes,
    )


def _remove_run(run: list[Line], reason: str) -> None:
    for line in run:
        line.reason = reason


def _document_language(lines: list[Line]) -> str | None:
    prose = sorted((line.text for line in lines if line.kept), key=len, reverse=True)[:3]
    sample = " ".join(prose)
    return "en" if looks_english(sample) else detect_language(sample)


def _article_top(lines: list[Line], headline: int | None, span: tuple[int, int] | None) -> list[Line]:
    """The lines about the article's start, from just above its title to its first paragraphs: where the byline and
    date of this article stand (further away they belong to teasers of other articles)."""
    start = span[0] if span else 0
    top = min(start, headline) if headline is not None else start
    return lines[max(0, top - _ABOVE_TITLE) : start + _INTO_ARTICLE]


def _top_byline(top: list[Line]) -> Byline | None:
    """The first byline about the article's start: 'By ...' or names beside a date; else a name line (not the
    title) followed by a line opening with a date or by a role line."""
    for line in top:
        byline = read_byline(line.text) or read_dated_name(line.text)
        if byline and byline.authors:
            return byline
    for line, after in zip(top, top[1:], strict=False):
        if line.reason not in _TITLES and is_name(line.text) and (_opens_with_date(after.text) or is_role(after.text)):
            return Byline(authors=[line.text])
    return None


def _opens_with_date(text: str) -> bool:
    """A short line that starts with a date: 'Friday 5 March 2021', 'Oct 18, 2019 · 8 min read'."""
    written = date_at(text) if len(text) <= _DATE_LINE_CHARS else None
    return written is not None and written[1] <= _DATE_LEAD_CHARS


def _authors(lines: list[Line], top: list[Line]) -> list[str]:
    byline = _top_byline(top)
    if byline:
        return byline.authors
    bylines = [line.text for line in lines if line.reason == "byline"]
    first = next((b for b in map(read_byline, bylines) if b and b.authors), None)
    if first:
        return first.authors  # later bylines on a page are other articles' teasers
    authors: list[str] = []
    for text in bylines:
        authors.extend(name for name in reporting_credit(text) if name not in authors)
    return authors


def _publisher(lines: list[Line], agency: str | None, title: str | None) -> str | None:
    if agency:
        return agency
    headlines = {fold(line.text) for line in lines[_TITLE_LINE_REACH:]} | {fold(title or "")}
    for line in lines[:_TITLE_LINE_REACH]:
        name = publisher_from_title_line(line.text, lambda text: fold(text) in headlines)
        if name:
            return name
    for line in lines:
        byline = read_byline(line.text) if line.reason == "byline" else None
        if byline and byline.agencies:
            return byline.agencies[0]
    for reason, read in (("social_cta", publisher_from_follow), ("copyright", publisher_from_copyright)):
        for line in lines:
            name = read(line.text) if line.reason == reason else None
            if name:
                return name
    return None


def _published_at(lines: list[Line], top: list[Line]) -> datetime | None:
    byline = _top_byline(top)
    moment = parse_date(byline.rest) if byline and byline.rest else None
    if moment:
        return moment
    updates: list[datetime] = []
    for line in top:
        moment, is_update = read_date_line(line.text) or (None, False)
        if moment and not is_update:
            return moment
    for line in top:
        if _opens_with_date(line.text) and not states_update(line.text):
            return parse_date(line.text)
    for line in lines:
        if line.reason == "dateline":
            moment, is_update = read_date_line(line.text) or (None, False)
            if moment and not is_update:
                return moment
            if moment:
                updates.append(moment)
    return updates[0] if updates else None


def _removed(lines: list[Line]) -> list[RemovedSegment]:
    """Every removed piece in document order; a paragraph removed whole is one segment."""
    removed: list[RemovedSegment] = []
    for line in lines:
        removed.extend(line.cuts)
        if line.kept:
            continue
        if line.continues and removed and removed[-1].reason == line.reason:
            removed[-1] = replace(removed[-1], text=f"{removed[-1].text} {line.text}")
        else:
            removed.append(RemovedSegment(line.text, line.reason))
    return removed
