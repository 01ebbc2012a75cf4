"""Where the article sits on a page it has never seen: the best-scoring stretch of prose lines.

Each line is scored by its shape alone, in any language: long lines with the function words, lower-case words and
punctuation of running sentences earn their words, short or link-like lines cost a little each. The article is the
contiguous stretch with the highest sum (one linear pass), so its own short lines (subheadings, one-line quotes,
captions) stay inside it, while menus, teaser lists, footers and comment threads around it fall outside.
"""

from __future__ import annotations

import re
from collections import Counter

from tasks.clean.dates import parse_date
from tasks.clean.headline import fold
from tasks.clean.lines import Line, ends_sentence, word_count, words

_FUNCTION_WORDS = frozenset(
    # English, German, French, Spanish, Portuguese, Italian, Dutch: the commonest words of running text.
    "the a an of to in on and or but is are was were be been has have had it its this that with for from by at as "
    "not he she they we you his her their will would can could said who which "
    "der die das und ist nicht ein eine zu den mit sich des auf für im dem von auch es als wird "
    "le la les et est une un des du dans pour qui que sur pas au par ne se plus "
    "el los las y es en una por con para lo al del se su como más pero "
    "o os e um uma não com para é da do em "
    "il di che è per non con si della "
    "het een en van de is dat niet op te zijn".split()
)
_SENTENCE_MARK = re.compile(r"[.!?…,;:]")
_PUNCTUATION = "\"'“”‘’«»„()[]{}.,;:!?…-–—"
_PROSE_WORDS = 10
_FUNCTION_SHARE = 0.15
_LOWER_SHARE = 0.45
_SHORT_COST = 2.0
_REPEATS = 3
_MARKER_WORDS = 6
_REPEAT_COST = 60.0
_DATED_WORDS = 14
_DATED_COST = 30.0
_PROSE_THRESHOLD = 8.0
_SENTENCE_WORDS = 3
_SMALL_BLOCK = 4
_FURNITURE_COST = 10.0
_PAGE_FURNITURE = frozenset({"related_teaser", "comments_widget", "social_cta", "copyright", "navigation"})
_MENU_ITEM_WORDS = 5
_MENU_LINES = 4
_AUTHORSHIP = frozenset({"byline", "dateline"})


def prose_words(text: str) -> int:
    """Words of a line of running sentences (long enough, with function or lower-case words and sentence
    punctuation); 0 for any other line."""
    tokens = text.split()
    if len(tokens) < _PROSE_WORDS or not _SENTENCE_MARK.search(text):
        return 0
    function = lower = 0
    for token in tokens:
        function += token.lower().strip(_PUNCTUATION) in _FUNCTION_WORDS
        lower += token[0].islower()
    return len(tokens) if function >= _FUNCTION_SHARE * len(tokens) or lower >= _LOWER_SHARE * len(tokens) else 0


def line_scores(lines: list[Line]) -> list[float]:
    """Prose lines earn their words beyond a threshold; every other line costs a little, a recurring short marker
    (Reply) or a short dated line (a commenter and the time) once in a run costs much more."""
    scores: list[float] = []
    marked = False
    folded = [fold(line.text) for line in lines]
    repeats = Counter(text for i, text in enumerate(folded) if i == 0 or folded[i - 1] != text)
    for i, line in enumerate(lines):
        prose = prose_words(line.text) if line.kept else 0
        if prose:
            marked = False
            scores.append(prose - _PROSE_THRESHOLD)
            continue
        cost = _SHORT_COST
        short = not ends_sentence(line.text) and word_count(line.text)
        if line.reason in _PAGE_FURNITURE:
            cost += _FURNITURE_COST
        elif short and short <= _MARKER_WORDS and line.kept and not marked and repeats[folded[i]] >= _REPEATS:
            cost += _REPEAT_COST
            marked = True
        elif short and short <= _DATED_WORDS and parse_date(line.text):
            cost += _DATED_COST
        scores.append(-cost)
    return scores


def article_span(lines: list[Line]) -> tuple[int, int] | None:
    """First and last position of the highest-scoring contiguous stretch of lines; None when nothing scores."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(line_scores(lines)):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _sentence_shaped(text: str) -> bool:
    tokens = words(text)
    return len(tokens) >= _SENTENCE_WORDS and ends_sentence(text) and tokens[-1][0].islower()


def _belongs(lines: list[Line], i: int, inside: int) -> bool:
    """A kept line next to the article is its own when it is a sentence or shares a small block with it."""
    line = lines[i]
    if not line.kept:
        return False
    if _sentence_shaped(line.text):
        return True
    block = [other for other in lines[max(0, i - _SMALL_BLOCK) : i + _SMALL_BLOCK + 1] if other.block == line.block]
    return lines[inside].block == line.block and len(block) <= _SMALL_BLOCK


def _has_menu(lines: list[Line]) -> bool:
    """Whether the page prints a run of short link-like lines (a menu, a list of links): text without one is an
    article already, and nothing of it is left out for where it sits."""
    run = 0
    for line in lines:
        short = word_count(line.text) <= _MENU_ITEM_WORDS and not ends_sentence(line.text)
        run = run + 1 if short else 0
        if run >= _MENU_LINES:
            return True
    return False


def article_lines(lines: list[Line]) -> tuple[int, int] | None:
    """The article's stretch, grown over the short sentences and small blocks that close or open it (above it, past
    the byline and date lines, so that a standfirst stays for its own pass)."""
    if not _has_menu(lines):
        return (0, len(lines) - 1) if lines else None
    span = article_span(lines)
    if span is None:
        return None
    first, last = span
    before = first - 1
    while before >= 0 and (lines[before].reason in _AUTHORSHIP or _belongs(lines, before, first)):
        if lines[before].kept:
            first = before
        before -= 1
    while last + 1 < len(lines) and _belongs(lines, last + 1, last):
        last += 1
    return first, last


def mark_outside_article(lines: list[Line], span: tuple[int, int] | None) -> None:
    """Take out every line still kept before and after the article's stretch."""
    if span is None:
        return
    first, last = span
    for i, line in enumerate(lines):
        if line.kept and not first <= i <= last:
            line.reason = "outside_article"
