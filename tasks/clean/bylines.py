"""Bylines: who wrote the article, told apart from wire services (which name the publisher, not an author)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.clean.credits import AGENCIES
from tasks.clean.dates import date_at
from tasks.clean.lines import word_count

_I = re.IGNORECASE
_LEAD = re.compile(
    r"^(?:by|written by|words by|text by|story by|reporting by|reported by|authors?|byline|autor(?:id|s|es|en)?|"
    r"auteurs?|par|von|автор\w*|kirjoittaja|tekst|tekstas|teksts)\b\s*:?\s+",
    _I,
)
_REPORTING = re.compile(r"\b(?:reporting|reported|writing|written|additional reporting) by\s+", _I)
_AGENCY = re.compile(rf"^(?:{AGENCIES}|Thomson Reuters)$")
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bwith\b|&|\bund\b|\bja\b|\bet\b|\bи\b|\bun\b|\bir\b|\||\s[-–—]\s)\s*")
_TRAILING_AGENCY = re.compile(rf"^(?P<name>.+?)\s+(?P<agency>{AGENCIES})$")
_NAME = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſА-Я][\w’'.\-]*)(?:\s+(?:(?:van|von|de|der|den|da|di|du|la|le|bin|al|el)\s+)?"
    r"[A-ZÀ-ÖØ-ÞĀ-ſА-Я][\w’'.\-]*){0,3}$"
)
_ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|staff|contributor|journalist|analyst|producer|"
    r"in [A-Z]\w+|news|desk|bureau|team)\b",
    _I,
)
_TRAILING_DATE = re.compile(r"\s*(?:[|,·•]|\s[-–—])\s*(?:\w+\s+){0,2}\d.*$")
_MAX_WORDS = 16
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|who)\s+[a-z].*$")
"""A description after the name: 'By Jane Roe, a senior editor who covers ...'."""
_HANDLE = re.compile(r"\s+@\w+")
_DATE_THEN_BY = re.compile(r"\s+by\s+(?=[A-ZÀ-ÖØ-ÞĀ-ſА-Я])")


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    rest: str = ""
    """Text after the names (often the date), for the date reader."""
    strays: int = 0
    """Parts that are neither a name, an outlet nor a role: a sentence that happens to start with 'By'."""


def _split_names(names: str) -> Byline:
    byline = Byline()
    names = _HANDLE.sub("", names)
    date = _TRAILING_DATE.search(names)
    written = date_at(names)
    start = min(date.start() if date else len(names), written[1] if written else len(names))
    if start < len(names):
        byline.rest = names[start:].lstrip(" |,·•-–—")
        names = names[:start]
    for part in _SPLIT.split(names):
        part = part.strip(" .")
        if not part:
            continue
        trailing = _TRAILING_AGENCY.match(part)
        if trailing:
            byline.agencies.append(trailing["agency"])
            part = trailing["name"]
        if part.isupper() and len(part) > 4:
            part = part.title()
        if _AGENCY.match(part) or part.startswith("The ") and _NAME.match(part[4:]):
            byline.agencies.append(part)
        elif _ROLE.search(part):
            break  # what follows a role is the author's affiliation: 'Jane Roe, Senior Fellow, Some Institute'
        elif _NAME.match(part):
            byline.authors.append(part)
        else:
            byline.strays += 1
    return byline


def read_byline(text: str) -> Byline | None:
    """Names in a line like 'By Jane Roe and John Doe, Reuters'; None when the line is not a byline."""
    text = _APPOSITIVE.sub("", text)
    if word_count(text) > _MAX_WORDS:
        return None
    lead = _LEAD.match(text)
    if lead is None:
        return None
    names = text[lead.end() :]
    if not names or not names[0].isupper():
        return None
    byline = _split_names(names)
    return byline if (byline.authors or byline.agencies) and not byline.strays else None


def read_dated_name(text: str) -> Byline | None:
    """A byline without a 'By' lead, told by the date beside the names: 'Jane Roe - Apr 16, 2015 8:02 pm',
    'on March 10, 2015 by Jane Roe'."""
    if word_count(text) > _MAX_WORDS:
        return None
    written = date_at(text)
    if written is None:
        return None
    _, start, end = written
    after = _DATE_THEN_BY.match(text, end)
    if after and start <= 30:
        byline = _split_names(text[after.end() :])
        byline.rest = text[:end]
    elif start > 0:
        byline = _split_names(text)
    else:
        return None
    full_names = all(len(name.split()) >= 2 for name in byline.authors)
    return byline if byline.authors and full_names and not byline.strays and not byline.agencies else None


def is_name(text: str) -> bool:
    """A line that is only a person's name of two to four words: 'Jane Roe'."""
    return 2 <= len(text.split()) <= 4 and bool(_NAME.match(text)) and not _ROLE.search(text)


def is_role(text: str) -> bool:
    """A short line naming a job: 'Senior Correspondent', 'Games Editor'."""
    return word_count(text) <= 6 and bool(_ROLE.search(text)) and not re.search(r"\d", text)


def reporting_credit(text: str) -> list[str]:
    """Reporter names in a wire trailer like 'Reporting by Jane Roe; Editing by John Doe'."""
    names: list[str] = []
    for match in _REPORTING.finditer(text):
        tail = re.split(r";|\bediting by\b|\bwriting by\b|\(|\)", text[match.end() :], maxsplit=1, flags=_I)[0]
        tail = re.sub(r"\s+in\s+[A-Z][\w ]*$", "", tail.strip())
        names.extend(name for name in _split_names(tail).authors if name not in names)
    return names


_CREDIT_LINE = re.compile(
    r"^\W*(?:\(?(?:additional )?reporting|writing|compiled|translated) by\b"
    r"|^[\w .’'-]{0,40}\b(?:writers?|reporters?|correspondents?|journalists?)\b.{0,60}\bcontributed\b",
    _I,
)


def is_reporting_credit(text: str) -> bool:
    """A wire trailer naming reporters: 'Reporting by ...', 'Associated Press writer ... contributed'."""
    return word_count(text) <= 40 and bool(_CREDIT_LINE.match(text))
