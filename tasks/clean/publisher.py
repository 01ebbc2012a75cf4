"""The publisher as the page names it: wire credits, 'Follow X on ...' lines, copyright lines."""

from __future__ import annotations

import re
from collections.abc import Callable

_I = re.IGNORECASE
_FOLLOW = re.compile(
    r"^\W*(?:follow|like|join|find|connect with|read)\s+(?P<name>.+?)\s+(?:on|at|via)\s+"
    r"(?:twitter|x|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|google news|flipboard|threads|bluesky)",
    _I,
)
_NOT_A_NAME = re.compile(r"^(?:us|me|them|him|her|our \w+|the latest|all|more|this \w+)$", _I)
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*|copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<name>[A-Z][\w&.'’\- ]{1,60}?)(?:\s*\d{4})?\s*(?:\.(?=\s|$)|[,|]|all rights reserved|$)",
    _I,
)
_TRAILING_NOISE = re.compile(r"\s+(?:and never miss.*|for (?:the latest|more|updates).*)$", _I)


def publisher_from_follow(text: str) -> str | None:
    match = _FOLLOW.search(text)
    if match is None:
        return None
    name = _TRAILING_NOISE.sub("", match["name"]).strip()
    return None if _NOT_A_NAME.match(name) or not name[:1].isupper() else name


def publisher_from_copyright(text: str) -> str | None:
    match = _COPYRIGHT_HOLDER.search(text)
    if match is None:
        return None
    name = _COMPANY_SUFFIX.sub("", re.sub(r"\s+\d{4}$", "", match["name"].strip(" .-–")))
    if not name[:1].isupper() or re.fullmatch(r"\d+|all rights reserved", name, _I):
        return None
    return name


_SITE_AFTER_HEADLINE = re.compile(r"^(?P<headline>.+)\s(?:[|–—-]|::)\s+(?P<name>[^|–—]{2,40}?)\s*$")
_COMPANY_SUFFIX = re.compile(r"[\s,]+(?:inc|ltd|llc|limited|plc|gmbh|corp|corporation|co)\.?$", _I)


def publisher_from_title_line(line: str, is_headline: Callable[[str], bool]) -> str | None:
    """The site a page's title line names after its headline ('Headline | Outlet', 'Headline - Outlet'), when
    `is_headline` knows the part before it as the page's headline."""
    match = _SITE_AFTER_HEADLINE.match(line)
    if match is None or len(match["headline"].split()) < 3 or not is_headline(match["headline"]):
        return None
    name = match["name"].strip()
    return name if any(c.isupper() for c in name) and not name[:1].isdigit() and len(name.split()) <= 5 else None
