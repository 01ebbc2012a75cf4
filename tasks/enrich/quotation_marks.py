"""Where direct quotations are in a body: pairs of quotation marks, joined across paragraphs when a quote runs on."""

from __future__ import annotations

import re
from typing import NamedTuple

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
QUOTATION_MARK = re.compile(r'["“”„«»]')
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class Piece(NamedTuple):
    """Text between one pair of marks: [start, end) excludes the marks."""

    start: int
    end: int


class Quotation(NamedTuple):
    """One quotation: a single piece, or the pieces of a quote that runs over several paragraphs."""

    pieces: tuple[Piece, ...]


def quotations(body: str) -> list[Quotation]:
    """Quotations in reading order; inch marks (5'10", a 12" pipe) are not quotation marks.

    A paragraph that ends inside a quote continues it when the next paragraph opens with a quotation mark
    (the news convention); otherwise the quote ends with its paragraph.
    """
    found: list[Quotation] = []
    running: list[Piece] = []
    for start, end in paragraph_bounds(body):
        pieces, open_at = _pieces_in(body, start, end)
        if running and body[start] in OPENING + STRAIGHT:
            if pieces and pieces[0].start == start + 1:
                found.append(Quotation((*running, pieces.pop(0))))
                running = []
            elif open_at == start + 1:
                running.append(Piece(open_at, _rstrip(body, open_at, end)))
                continue
        if running:
            found.append(Quotation(tuple(running)))
            running = []
        found.extend(Quotation((piece,)) for piece in pieces)
        if open_at is not None:
            running = [Piece(open_at, _rstrip(body, open_at, end))]
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


def _pieces_in(body: str, start: int, end: int) -> tuple[list[Piece], int | None]:
    """Closed pieces of one paragraph, and where an unclosed quote opened (None if every quote closed)."""
    pieces: list[Piece] = []
    open_at: int | None = None
    for match in QUOTATION_MARK.finditer(body, start, end):
        at, mark = match.start(), match.group()
        if mark == STRAIGHT and _is_inch_mark(body, at):
            continue
        opens = mark in OPENING or (mark == STRAIGHT and open_at is None)
        if mark in CLOSING and open_at is None and not _after_word(body, at):
            opens = True  # a ” used as an opening mark
        if open_at is None and opens:
            open_at = at + 1
        elif open_at is not None and mark not in OPENING:
            pieces.append(Piece(open_at, at))
            open_at = None
        elif open_at is not None:
            open_at = at + 1  # a second opening mark: the first never closed
    return pieces, open_at


def _is_inch_mark(body: str, at: int) -> bool:
    return at > 0 and body[at - 1].isdigit() and (at + 1 == len(body) or not body[at + 1].isalpha())


def _after_word(body: str, at: int) -> bool:
    return at > 0 and not body[at - 1].isspace()


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end
