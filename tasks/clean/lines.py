"""A document as numbered lines, the shape of a line, and how kept lines join back into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tasks.clean.segments import RemovedSegment

_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_TERMINAL = frozenset(".!?…:;")
_QUOTES = frozenset("'\"’”")
_CLOSING = "'\"’”)]"
_DANGLING = re.compile(r"(?:,|\b(?:a|an|the|of|to|in|on|and|or|but|for|with|by|at|from|that|as)|[-–—])$", re.IGNORECASE)
_LONG_LINE_WORDS = 15


@dataclass
class Line:
    """One non-empty line of the document; `reason` is set once the line is taken out."""

    index: int
    block: int
    text: str
    reason: str | None = None
    cuts: list[RemovedSegment] = field(default_factory=list)
    """Pieces cut off this kept line (a dateline prefix, a trailing photo credit)."""
    continues: bool = False
    """The line carries on the paragraph of the line before it (the scraper broke it)."""

    @property
    def kept(self) -> bool:
        return self.reason is None


@lru_cache(maxsize=8192)
def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """Ends with sentence punctuation, maybe inside closing quotes or brackets, or with a closing quote."""
    return text.rstrip(_CLOSING)[-1:] in _TERMINAL or text[-1:] in _QUOTES


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def split_lines(text: str) -> list[Line]:
    """Number the non-empty lines; lines separated by no blank line share a block."""
    lines: list[Line] = []
    block = 0
    for raw in text.split("\n"):
        if not raw:
            block += 1
            continue
        lines.append(Line(len(lines), block, raw))
    return lines


def _continues(line: Line, nxt: Line) -> bool:
    """True when the scraper broke one paragraph across these two lines."""
    if line.block != nxt.block or ends_sentence(line.text):
        return False
    first = nxt.text[0]
    return first.islower() or bool(_DANGLING.search(line.text)) or word_count(line.text) >= _LONG_LINE_WORDS


def paragraph_runs(lines: list[Line]) -> list[list[Line]]:
    """Group kept lines into paragraphs: a line is its own paragraph unless it was cut mid-sentence."""
    runs: list[list[Line]] = []
    previous: Line | None = None
    for line in lines:
        if not line.kept:
            continue
        if previous is not None and runs and previous.index == line.index - 1 and _continues(previous, line):
            line.continues = True
            runs[-1].append(line)
        else:
            runs.append([line])
        previous = line
    return runs


def run_text(run: list[Line]) -> str:
    return " ".join(line.text for line in run)
