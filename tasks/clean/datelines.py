"""The dateline that opens a wire story ('TALLINN, Jan 12 (Reuters) - ') or the dash it leaves when half-stripped."""

from __future__ import annotations

import re

from tasks.clean.lines import Line
from tasks.clean.segments import RemovedSegment

_DATELINE = re.compile(
    r"^(?:[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž.'’/\- ]{1,40}(?:,\s*[\w.,' ]{1,40}?)?\s*(?:\((?P<agency>[^()]{2,30})\)\s*)?[-–—]+\s+"
    r"|[-–—]+\s+(?=[A-Z“\"]))"
)


def cut_dateline(line: Line) -> str | None:
    """Cut the dateline off the article's first line, keep it as a removed piece; return the agency it names."""
    match = _DATELINE.match(line.text)
    if match is None or match.end() >= len(line.text):
        return None
    line.cuts.append(RemovedSegment(match.group(0).strip(), "dateline"))
    line.text = line.text[match.end() :]
    return match["agency"]
