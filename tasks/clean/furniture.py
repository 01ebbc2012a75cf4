"""Line-by-line furniture: every detector that can judge a line on its own text, in the order they are trusted."""

from __future__ import annotations

from itertools import pairwise

from tasks.clean.bylines import is_reporting_credit, read_byline
from tasks.clean.calls_to_action import is_social_cta
from tasks.clean.credits import caption_split, is_copyright, is_editor_credit
from tasks.clean.dates import read_date_line
from tasks.clean.lines import Line
from tasks.clean.navigation import is_navigation, is_related_lead
from tasks.clean.notices import notice_reason
from tasks.clean.segments import RemovedSegment

_DETECTORS = (
    ("social_cta", is_social_cta),
    ("copyright", is_copyright),
    ("editor_credit", is_editor_credit),
    ("byline", lambda text: bool(read_byline(text)) or is_reporting_credit(text)),
    ("dateline", lambda text: bool(read_date_line(text))),
    ("related_teaser", is_related_lead),
    ("navigation", is_navigation),
)
"""Checked in this order after the page notices: the first that fits gives the reason."""


def line_reason(text: str) -> str | None:
    """Why this line is not article text, judged on the line alone; None when it may be article text."""
    return notice_reason(text) or next((reason for reason, fits in _DETECTORS if fits(text)), None)


def mark_furniture(lines: list[Line]) -> None:
    """Set the reason of every line that is furniture by itself, and cut trailing photo credits off prose lines."""
    for line in lines:
        line.reason = line_reason(line.text)
        if line.reason:
            continue
        caption = caption_split(line.text)
        if caption is None:
            continue
        kept, credit = caption
        if kept:
            line.text = kept
            line.cuts.append(RemovedSegment(credit, "credit"))
        else:
            line.reason = "caption"
    _mark_caption_leads(lines)


def _mark_caption_leads(lines: list[Line]) -> None:
    """A line that the next caption repeats and extends is the same caption printed twice (alt text, then caption)."""
    for line, nxt in pairwise(lines):
        if line.kept and nxt.reason == "caption" and nxt.text.startswith(line.text.rstrip(".")):
            line.reason = "caption"
