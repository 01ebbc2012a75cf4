"""Where direct quotations are in a body: pairs of quotation marks, joined across paragraphs when a quote runs on.

Marks pair by style: "…", “…”, „…“, „…”, «…», »…« and the British single marks ‘…’. The single closing mark
is also the apostrophe (don’t, Kallas’, ’90s, rock ’n’ roll), so it closes a quote only where an apostrophe
cannot stand. Marks of another style inside an open quote are nested quotes and belong to its text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

QUOTATION_MARK = re.compile(r'["“”„«»‘’]')
CLOSERS = {'"': '"”', "“": '"”', "”": '"”', "„": '“”"', "«": "»", "»": "«»", "‘": "’"}
"""The marks that close a quote each opening mark opens (”…” and »…» are Nordic, „…“ German, „…” Polish)."""
STYLE = {'"': "double", "“": "double", "”": "double", "„": "double", "«": "guillemet", "»": "guillemet", "‘": "single"}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_MARKUP_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")
"""`<tweet id="...">` left in scraped text: the marks around an attribute's value are not quotation marks."""
_ELISION = re.compile(r"‘\w{1,2}’")
"""‘n’ in rock ‘n’ roll: a wrongly curled apostrophe pair, not a quote."""
_FEET_AND_INCHES = re.compile(r"\d[’'] ?\d+(?:\.\d+)?$")
"""5’ 11”: a closing double mark after feet and inches is an inch mark."""
_NOT_CLOSED, _MAYBE_CLOSED, _CLOSED = 0, 1, 2


class Piece(NamedTuple):
    """Text between one pair of marks: [start, end) excludes the marks."""

    start: int
    end: int


class Quotation(NamedTuple):
    """One quotation: a single piece, or the pieces of a quote that runs over several paragraphs."""

    pieces: tuple[Piece, ...]


class _Open(NamedTuple):
    """A quote still open at the end of its paragraph: where its text starts, and its opening mark."""

    start: int
    mark: str


def quotations(body: str) -> list[Quotation]:
    """Quotations in reading order; apostrophes and inch marks (5'10", a 12" pipe) are not quotation marks.

    A paragraph that ends inside a quote continues it when the next paragraph opens with a mark of the same style
    (the news convention); otherwise a double or guillemet quote ends with its paragraph, and a single opening
    mark that never closes was an apostrophe.
    """
    found: list[Quotation] = []
    running: list[Piece] = []
    running_style: str | None = None
    paragraphs = paragraph_bounds(body)
    for n, (start, end) in enumerate(paragraphs):
        following = _opening_style(body, paragraphs[n + 1][0]) if n + 1 < len(paragraphs) else None
        pieces, still_open = _pieces_in(body, start, end, following)
        if running and _opening_style(body, start) == running_style:
            if pieces and pieces[0].start == start + 1:
                found.append(Quotation((*running, pieces.pop(0))))
                running = []
            elif still_open and still_open.start == start + 1:
                running.append(Piece(still_open.start, _rstrip(body, still_open.start, end)))
                continue
        if running:
            found.append(Quotation(tuple(running)))
            running = []
        found.extend(Quotation((piece,)) for piece in pieces)
        if still_open is not None:
            running = [Piece(still_open.start, _rstrip(body, still_open.start, end))]
            running_style = STYLE[still_open.mark]
    if running:
        found.append(Quotation(tuple(running)))
    return [q for q in found if all(p.end > p.start for p in q.pieces)]


def paragraph_bounds(body: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph; paragraphs are separated by blank lines."""
    bounds, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(body)))
    return [(s, e) for s, e in bounds if e > s]


def _opening_style(body: str, at: int) -> str | None:
    """The style of the quote a paragraph opens with, or None when it does not open with a quotation mark."""
    mark = body[at] if at < len(body) else ""
    return STYLE[mark] if mark in STYLE and _opens(body, at, mark) else None


def _pieces_in(body: str, start: int, end: int, following: str | None) -> tuple[list[Piece], _Open | None]:
    """Closed pieces of one paragraph, and the quote left open at its end (None if every quote closed).

    `following` is the style the next paragraph opens with: a single quote stays open only into such a paragraph.
    """
    marks = [(m.start(), m.group()) for m in QUOTATION_MARK.finditer(body, start, end)]
    if "<" in body[start:end]:
        tags = [m.span() for m in _MARKUP_TAG.finditer(body, start, end)]
        marks = [(at, mark) for at, mark in marks if not any(a < at < b for a, b in tags)]
    pieces: list[Piece] = []
    i = 0
    while i < len(marks):
        at, mark = marks[i]
        if not _opens(body, at, mark):
            i += 1
            continue
        closing, restart = _closing(body, marks, i)
        if closing is not None:
            pieces.append(Piece(at + 1, marks[closing][0]))
            i = closing + 1
        elif restart is not None:
            i = restart
        elif STYLE[mark] != "single" or following == "single":
            return pieces, _Open(at + 1, mark)
        else:
            i += 1  # a single mark that never closes was an apostrophe
    return pieces, None


def _closing(body: str, marks: list[tuple[int, str]], i: int) -> tuple[int | None, int | None]:
    """Index of the mark that closes the quote opened by marks[i]; else the index of a new opening mark of the
    same style met first (the first never closed); else (None, None)."""
    opened_at, opener = marks[i]
    maybe: int | None = None
    for j in range(i + 1, len(marks)):
        at, mark = marks[j]
        verdict = _closes(body, opened_at, at, mark, opener)
        if verdict == _CLOSED:
            return j, None
        if verdict == _MAYBE_CLOSED and maybe is None:
            maybe = j
        elif verdict == _NOT_CLOSED and STYLE.get(mark) == STYLE[opener] and _opens(body, at, mark):
            return (maybe, None) if maybe is not None else (None, j)
    return maybe, None


def _opens(body: str, at: int, mark: str) -> bool:
    if mark == '"':
        return not _is_inch_mark(body, at)
    if mark in "”»":
        return not _after_word(body, at)  # a ” or » used as an opening mark
    if mark == "‘":
        following = body[at + 1 : at + 2]
        return (
            bool(following)
            and not following.isspace()
            and not following.isdigit()  # ‘90s
            and not (at > 0 and body[at - 1].isalnum())  # NATO‘s
            and not _ELISION.match(body, at)
        )
    return mark in "“„«"


def _closes(body: str, opened_at: int, at: int, mark: str, opener: str) -> int:
    """Whether a mark closes the quote opened at `opened_at`: a `’` after a plural (Kallas’ plan) only maybe."""
    if mark not in CLOSERS[opener]:
        return _NOT_CLOSED
    if (mark == '"' and _is_inch_mark(body, at)) or (
        mark == "”" and _FEET_AND_INCHES.search(body, max(0, at - 12), at)
    ):
        return _NOT_CLOSED
    if mark != "’":
        return _CLOSED
    before, after = body[at - 1], body[at + 1 : at + 2]
    if before.isspace() or after.isalnum():
        return _NOT_CLOSED  # don’t, ’90s, ’n’
    word_start = max(body.rfind(" ", 0, at), body.rfind("\n", 0, at)) + 1
    if word_start > opened_at and body[word_start] in "’‘":
        return _NOT_CLOSED  # the second mark of ’n’
    if before.isdigit() and after == " " and body[at + 2 : at + 3].isdigit():
        return _NOT_CLOSED  # the feet of 5’ 11”
    if before in "sSxXzZ" and after.isspace():
        return _MAYBE_CLOSED
    return _CLOSED


def _is_inch_mark(body: str, at: int) -> bool:
    """5'10", a 12" pipe: a straight mark right after a number is an inch mark unless a word follows it."""
    return at > 0 and body[at - 1].isdigit() and (at + 1 == len(body) or not body[at + 1].isalpha())


def _after_word(body: str, at: int) -> bool:
    return at > 0 and not body[at - 1].isspace()


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end
