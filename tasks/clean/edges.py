"""Furniture told by where it sits: the head and tail of the page around the article's prose.

Teaser lists under a 'Related' heading, short buttons beside a notice, and notices in a language other than the
article's are only taken out there, so that the article's own short lines (subheadings, one-line quotes) stay.
"""

from __future__ import annotations

from tasks.clean.headline import headline_shaped
from tasks.clean.language import detect_language, looks_english
from tasks.clean.lines import Line, ends_sentence, word_count

_PROSE_WORDS = 12
_CONTROL_WORDS = 4
_TEASER_WORDS = 20
_SPREADING = frozenset(
    {
        "cookie_notice",
        "browser_notice",
        "paywall",
        "region_notice",
        "social_cta",
        "related_teaser",
        "comments_widget",
        "foreign_notice",
    }
)


def _is_prose(line: Line) -> bool:
    return line.kept and word_count(line.text) >= _PROSE_WORDS and ends_sentence(line.text)


def prose_span(lines: list[Line]) -> tuple[int, int]:
    """Positions of the first and last prose line; (len, -1) when there is none."""
    prose = [i for i, line in enumerate(lines) if _is_prose(line)]
    return (prose[0], prose[-1]) if prose else (len(lines), -1)


def mark_related_lists(lines: list[Line]) -> None:
    """Headline-shaped lines under a bare 'Related'/'Read more' heading are teasers, up to the next prose line (one
    pass over the page)."""
    in_list = False
    for line in lines:
        if not line.kept:
            in_list = in_list or line.reason == "related_teaser" and word_count(line.text) <= 6
        elif in_list and not _is_prose(line) and word_count(line.text) <= _TEASER_WORDS and headline_shaped(line.text):
            line.reason = "related_teaser"
        else:
            in_list = False


def mark_foreign_notices(lines: list[Line], document_language: str | None) -> None:
    """Lines outside the prose span written in another language than the article are notices of the page."""
    first, last = prose_span(lines)
    for i, line in enumerate(lines):
        if not line.kept or first <= i <= last:
            continue
        if document_language == "en" and looks_english(line.text):
            continue
        language = detect_language(line.text)
        if language and document_language and language != document_language:
            line.reason = "foreign_notice"


def mark_masthead(lines: list[Line], title_index: int | None) -> None:
    """Whatever is still kept above the title and its kicker is the page's masthead and menus."""
    for line in lines[: title_index or 0]:
        if line.kept:
            line.reason = "navigation"


def spread_to_controls(lines: list[Line]) -> None:
    """Short button-like lines printed with a notice (Accept all, Close, a list of browsers) belong to it."""
    first, last = prose_span(lines)
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if not line.kept or first <= i <= last:
                continue
            if word_count(line.text) > _CONTROL_WORDS or ends_sentence(line.text) and not line.text.endswith(":"):
                continue
            neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].block == line.block]
            reason = next((n.reason for n in neighbours if n.reason in _SPREADING), None)
            if reason:
                line.reason = reason
                changed = True
