"""The publisher as the page names it: wire credits, 'Follow X on ...' lines, copyright lines."""

from __future__ import annotations

import re

_I = re.IGNORECASE
_FOLLOW = re.compile(
    r"^\W*(?:follow|like|join|find|connect with|read)\s+(?P<name>.+?)\s+(?:on|at|via)\s+"
    r"(?:twitter|x|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|google news|flipboard|threads|bluesky)",
    _I,
)
_NOT_A_NAME = re.compile(r"^(?:us|me|them|him|her|our \w+|the latest|all|more|this \w+)$", _I)
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w&.'’\- ]{1,60}?)"
    r"(?:\s*\d{4})?\s*(?:[.,|]|all rights reserved|$)",
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
    name = match["name"].strip(" .-–")
    return name if name and not re.fullmatch(r"\d+|all rights reserved", name, _I) else None


_TITLE_SUFFIX = re.compile(r"^\s*(?:[|–—:]|-|::)\s*(?P<name>[^|–—]{2,40}?)\s*(?:[|–—:]|::)?\s*$")


def publisher_from_title_line(line: str, title: str) -> str | None:
    """The site a page's own title line names after the headline: 'Headline | Outlet', 'Headline - Outlet'."""
    if not title or not line.startswith(title) or line == title:
        return None
    match = _TITLE_SUFFIX.match(line[len(title) :])
    name = match["name"].strip() if match else ""
    return name if name[:1].isupper() and len(name.split()) <= 5 else None
