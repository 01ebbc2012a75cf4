"""The headline block: the title, the kicker above it, and the headline printed again further down."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tasks.clean.lines import Line, ends_sentence, word_count

_FOLD = re.compile(r"[^\w]+")
_HEAD_LINES = 12
_KICKER_WORDS = 6
_SITE_SUFFIX_WORDS = 6
_PROSE_WORDS = 25
_TITLE_WINDOW = 15
_TITLE_MIN_WORDS = 3
_TITLE_FULL_WORDS = 12
_TITLE_DISTANCE_COST = 0.3
_AUTHORSHIP = frozenset({"byline", "dateline"})
_AUTHORSHIP_LINES = 4
_AUTHORSHIP_BONUS = 8.0
_REPEATED_BONUS = 6.0


@dataclass
class Headline:
    title: str | None = None
    kicker: str | None = None
    index: int | None = None
    """Position (in the list of lines) of the title line, when the text prints it."""


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    return _FOLD.sub(" ", text.casefold()).strip()


def headline_shaped(text: str) -> bool:
    return 2 <= word_count(text) <= 30 and not text.endswith((".", ",", ":", ";"))


def _kicker_shaped(text: str) -> bool:
    return word_count(text) <= _KICKER_WORDS and not ends_sentence(text)


def _is_prose(text: str) -> bool:
    return word_count(text) >= _PROSE_WORDS or (ends_sentence(text) and word_count(text) >= 12)


def _find_title(head: list[int], lines: list[Line], hinted: str | None) -> int | None:
    if hinted:
        wanted = fold(hinted)
        return next((i for i in head if fold(lines[i].text) == wanted), None)
    for position, i in enumerate(head):
        text = lines[i].text
        if _is_prose(text):
            return None
        if not headline_shaped(text):
            continue
        following = head[position + 1] if position + 1 < len(head) else None
        if (
            following is not None
            and _kicker_shaped(text)
            and headline_shaped(lines[following].text)
            and word_count(lines[following].text) > word_count(text)
        ):
            continue
        return i
    return None


def _title_above(lines: list[Line], article_start: int) -> int | None:
    """The most headline-like line just above the article: long for a headline, near the article, followed by a
    byline or date line, and printed again elsewhere on the page (breadcrumbs, share text)."""
    page = [fold(line.text) for line in lines]
    best, best_score = None, 0.0
    for i in range(max(0, article_start - _TITLE_WINDOW), article_start):
        text = lines[i].text
        if not lines[i].kept or not headline_shaped(text) or word_count(text) < _TITLE_MIN_WORDS:
            continue
        score = min(word_count(text), _TITLE_FULL_WORDS) - _TITLE_DISTANCE_COST * (article_start - i)
        if any(line.reason in _AUTHORSHIP for line in lines[i + 1 : i + 1 + _AUTHORSHIP_LINES]):
            score += _AUTHORSHIP_BONUS
        if any(page[i] in other and j != i for j, other in enumerate(page)):
            score += _REPEATED_BONUS
        if score > best_score:
            best, best_score = i, score
    return best


def mark_headline(lines: list[Line], hinted_title: str | None, article_start: int = 0) -> Headline:
    """Find the title (the hint when given), mark it, the kicker above it and every repeat of it.

    The title is looked for in the head of the page, or in the lines just above the article when menus come first.
    """
    first = max(0, article_start - _HEAD_LINES)
    head = [i for i, line in enumerate(lines[first : first + _HEAD_LINES * 2], first) if line.kept][:_HEAD_LINES]
    found = _find_title(head, lines, hinted_title)
    if hinted_title is None and article_start:
        found = _title_above(lines, article_start) or found
    if found is None:
        if hinted_title:
            _mark_repeats(lines, fold(hinted_title))
        return Headline(title=hinted_title)
    headline = Headline(title=hinted_title or lines[found].text, index=found)
    lines[found].reason = "title"
    before = [i for i in head if i < found]
    if before and _kicker_shaped(lines[before[-1]].text):
        lines[before[-1]].reason = "kicker"
        headline.kicker = lines[before[-1]].text
    _mark_repeats(lines, fold(headline.title))
    return headline


def _mark_repeats(lines: list[Line], title: str) -> None:
    if word_count(title) < 3:
        return
    for line in lines:
        if not line.kept:
            continue
        text = fold(line.text)
        if text == title or text.startswith(title) and word_count(text[len(title) :]) <= _SITE_SUFFIX_WORDS:
            line.reason = "repeated_title"
