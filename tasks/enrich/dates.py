"""Date expressions in a body ("Dec. 5", "on Wednesday", "in mid-February", "last year"), resolved against the
article's publication day. A regex recognizer with its own resolution: dateparser is far slower for the same job."""

from __future__ import annotations

import calendar
import re
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import NamedTuple

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|[.,]\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNIT = r"(?P<unit>(?i:year|month|week))"

PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<year>(?:19|20)\d{2})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
    ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?"),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
    ("month_year", rf"\b(?i:(?:early|mid|late)[- ])?{_MONTH}\s+{_YEAR}"),
    (
        "month",
        rf"\b(?i:in|since|until|by|from|during|through|before|after)\s+"
        rf"(?i:(?:early|mid|late)[- ]|the\s+(?:beginning|middle|end)\s+of\s+)?{_MONTH}(?!\w)(?!,?\s+(?:19|20)\d{{2}})",
    ),
    ("weekday", rf"\b(?:(?P<direction>(?i:last|next|this|on))\s+)?{_WEEKDAY}(?!\w)"),
    ("relative", rf"\b(?P<direction>(?i:last|next|this|past|coming))\s+{_UNIT}\b"),
    ("day_word", r"\b(?P<word>(?i:today|yesterday|tomorrow))\b"),
    ("ago", rf"\b(?P<count>(?i:a|one|two|three|four|five|six|seven|eight|nine|ten)|\d+)\s+{_UNIT}s?\s+ago\b"),
    ("year", rf"(?<![\d$€£.,/-]){_YEAR}\b"),
)
_RECOGNIZER = re.compile(
    r"(?<!\w)(?=\w)(?:"
    + "|".join(f"(?P<{kind}>{pattern.replace('(?P<', f'(?P<{kind}__')})" for kind, pattern in PATTERNS)
    + ")"
)
"""One pass over the text; the leading guard makes every position inside a word fail at once."""
_COUNTS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_FUTURE = re.compile(
    r"\b(?:will|would|'ll|due|scheduled|expected|set to|plans?|planned|to be held|upcoming)\b", re.IGNORECASE
)
_GRANULARITY = {
    "iso": "day",
    "month_day": "day",
    "day_month": "day",
    "month_year": "month",
    "month": "month",
    "weekday": "day",
    "day_word": "day",
    "year": "year",
}


class DateMention(NamedTuple):
    text: str
    start: int
    end: int
    date: date | None
    granularity: str
    resolved: bool


def date_mentions(body: str, published_on: date | None) -> list[DateMention]:
    """Every date expression; relative ones without a publication day stay unresolved (date None)."""
    found = []
    for match in _RECOGNIZER.finditer(body):
        kind = match.lastgroup
        parts = {
            k.split("__", 1)[1]: v for k, v in match.groupdict().items() if v is not None and k.startswith(kind + "__")
        }
        sentence_start = max(body.rfind(". ", 0, match.start()), body.rfind("\n", 0, match.start())) + 1
        future = bool(_FUTURE.search(body, sentence_start, match.start()))
        try:
            day, granularity = _resolve(kind, parts, published_on, future)
        except ValueError:  # "February 30": not a date after all
            continue
        except OverflowError:  # "next week" of a publication day at the calendar's end: no such day to name
            day, granularity = None, _granularity(kind, parts)
        found.append(DateMention(match.group(), match.start(), match.end(), day, granularity, day is not None))
    return found


def _resolve(kind: str, parts: dict[str, str], anchor: date | None, future: bool) -> tuple[date | None, str]:
    """The date and granularity of one expression; a year-less date takes the year that puts it nearest the anchor."""
    granularity = _granularity(kind, parts)
    year = int(parts["year"]) if "year" in parts else None
    month = _month(parts["month"]) if "month" in parts else None
    if kind == "year":
        return date(year, 1, 1), granularity
    if kind in ("iso", "month_day", "day_month", "month_year", "month"):
        day = int(parts.get("day", 1))
        if year is not None:
            return date(year, month, day), granularity
        if anchor is None:
            date(2000, month, day)  # still a real calendar day (raises for "30 February")
            return None, granularity
        candidates = [
            date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(y, month, day)
        ]
        return min(candidates, key=lambda d: abs((d - anchor).days)), granularity
    if anchor is None:
        return None, granularity
    if kind == "weekday":
        return _weekday(
            WEEKDAYS[parts["weekday"].lower()], parts.get("direction", "").lower(), anchor, future
        ), granularity
    if kind == "day_word":
        return anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[parts["word"].lower()]), granularity
    if kind == "ago":
        return _shift(
            anchor, parts["unit"].lower(), -_COUNTS.get(parts["count"].lower(), 0) or -int(parts["count"])
        ), granularity
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[parts["direction"].lower()]
    return _shift(anchor, parts["unit"].lower(), step), granularity


def _granularity(kind: str, parts: dict[str, str]) -> str:
    return parts["unit"].lower() if kind in ("relative", "ago") else _GRANULARITY[kind]


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()] if not text.isdigit() else int(text)


def _valid(year: int, month: int, day: int) -> bool:
    return MINYEAR <= year <= MAXYEAR and day <= calendar.monthrange(year, month)[1]


def _weekday(weekday: int, direction: str, anchor: date, future: bool) -> date:
    """Bare or "on" weekdays are the last such day (the publication day itself included), or the next one when
    the sentence speaks of the future ("will meet on Monday"); "last"/"next" say so themselves."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "next" or (direction in ("", "on", "this") and future):
        return anchor + timedelta(days=ahead or 7 if direction == "next" else ahead)
    if direction == "last":
        return anchor - timedelta(days=back or 7)
    return anchor - timedelta(days=back)


def _shift(anchor: date, unit: str, step: int) -> date:
    """Start of the week, month or year `step` units from the anchor's."""
    if unit == "year":
        return date(_in_calendar(anchor.year + step), 1, 1)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return date(_in_calendar(index // 12), index % 12 + 1, 1)
    monday = anchor - timedelta(days=anchor.weekday())
    return monday + timedelta(weeks=step)


def _in_calendar(year: int) -> int:
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"year {year} is out of range")
    return year
