"""Publication dates stated on the page: date lines ('Published 12 January 2022, 10:31 GMT') and their parsing."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_I = re.IGNORECASE
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan jaanuar januar janvier января janvāris sausio tammikuu stycznia enero",
            "february feb veebruar februar février февраля februāris vasario helmikuu lutego febrero",
            "march mar märts märz mars марта marts kovo maaliskuu marca marzo",
            "april apr aprill avril апреля aprīlis balandžio huhtikuu kwietnia abril",
            "may mai мая maijs gegužės toukokuu maja mayo",
            "june jun juuni juni juin июня jūnijs birželio kesäkuu czerwca junio",
            "july jul juuli juli juillet июля jūlijs liepos heinäkuu lipca julio",
            "august aug august août августа augusts rugpjūčio elokuu sierpnia agosto",
            "september sep sept september septembre сентября septembris rugsėjo syyskuu września septiembre",
            "october oct oktoober oktober octobre октября oktobris spalio lokakuu października octubre",
            "november nov november novembre ноября novembris lapkričio marraskuu listopada noviembre",
            "december dec detsember dezember décembre декабря decembris gruodžio joulukuu grudnia diciembre",
        ),
        start=1,
    )
    for name in names.split()
}
_ZONES = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "msk": 3,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "pst": -8,
    "pdt": -7,
}
_MONTH = r"(?P<month>[^\W\d_]{3,11})\.?"
_TIME = (
    r"(?:[,\s]+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>[A-Z]{1,4}|[+-]\d{2}:?\d{2}))?)?"
)
_FORMS = (
    re.compile(
        rf"(?P<hour>\d{{1,2}})[:.](?P<minute>\d{{2}})(?:\s*(?P<zone>[A-Z]{{2,4}}))?,?\s+"
        rf"(?P<day>\d{{1,2}})\.?\s+{_MONTH}\s+(?P<year>\d{{4}})",
        _I,
    ),
    re.compile(
        r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(rf"(?P<day>\d{{1,2}})\.?\s+{_MONTH}\s+(?P<year>\d{{4}}){_TIME}", _I),
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}", _I),
    re.compile(rf"(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}", _I),
)
_LABEL = (
    r"(?:published|updated|last updated|posted|first published|modified|date|avaldatud|uuendatud|veröffentlicht|"
    r"aktualisiert|publié|mis à jour|опубликовано|обновлено|publicēts|paskelbta|julkaistu|opublikowano|publicerad|"
    r"publicado|on)"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?"
_FRAME = re.compile(rf"\b{_LABEL}\b|\b{_WEEKDAY}|\bat\b|\([^)]*\)|\b(?:[A-Z]{{2,4}}|[ap]\.?m\.?)\b", _I)
_UPDATED = re.compile(r"^(?:updated|last updated|modified|uuendatud|aktualisiert|mis à jour|обновлено)\b", _I)


def _first_date(text: str) -> tuple[datetime, re.Match[str]] | None:
    for form in _FORMS:
        for match in form.finditer(text):
            moment = _moment(match.groupdict())
            if moment is not None:
                return moment, match
    return None


def _moment(parts: dict[str, str | None]) -> datetime | None:
    month = int(parts["mon"]) if parts.get("mon") else _MONTHS.get((parts.get("month") or "").lower())
    if month is None:
        return None
    hour = int(parts.get("hour") or 0)
    if (parts.get("ampm") or "").lower().startswith("p") and hour < 12:
        hour += 12
    try:
        moment = datetime(int(parts["year"]), month, int(parts["day"]), hour, int(parts.get("minute") or 0))
    except ValueError:
        return None
    return (moment - _offset(parts.get("zone"))).replace(tzinfo=UTC)


def date_at(text: str) -> tuple[datetime, int, int] | None:
    """The first date written in text, with where it starts and ends; None when there is none."""
    found = _first_date(text)
    return (found[0], *found[1].span()) if found else None


def parse_date(text: str) -> datetime | None:
    """The first date (and time) written in text, as a UTC datetime; None when there is none."""
    found = _first_date(text)
    return found[0] if found else None


def _offset(zone: str | None) -> timedelta:
    if not zone:
        return timedelta(0)
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        return delta if zone[0] == "+" else -delta
    return timedelta(hours=_ZONES.get(zone.lower(), 0))


def read_date_line(text: str) -> tuple[datetime, bool] | None:
    """(moment, is_update) for a line that is only a date, with an optional label; None for any other line."""
    if len(text) > 90:
        return None
    found = _first_date(text)
    if found is None:
        return None
    moment, match = found
    rest = _FRAME.sub(" ", text[: match.start()] + " " + text[match.end() :])
    return (moment, bool(_UPDATED.match(text))) if not re.search(r"\w", rest) else None


def states_update(text: str) -> bool:
    """A line stating when the article was last changed, not when it was published: 'Updated 3 March 2021'."""
    return bool(_UPDATED.match(text))
