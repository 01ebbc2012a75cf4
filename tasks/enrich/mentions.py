"""Entity mentions of one article: spaCy's spans trimmed, typed, titled and resolved within the article."""

from __future__ import annotations

import re
from typing import NamedTuple

from tasks.enrich.aliases import canonical_entity
from tasks.enrich.names import (
    acronym_of,
    canonical_name,
    fold,
    is_acronym,
    is_title_head,
    is_title_word,
    split_title,
    trim_span,
)
from tasks.enrich.places import country_codes

ENTITY_TYPES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
"""spaCy labels that name an entity; dates, numbers and amounts are not entities."""

MISTAKEN_FOR_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC"})
"""Labels the small model sometimes gives a person's name; a title right before it ("Foreign Minister") settles it."""

PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
_NEXT_WORD = re.compile(r" [a-z]+")
_ABBREVIATED_TITLE = re.compile(r"^[A-Z][a-z]{0,3}\.$")


class Mention(NamedTuple):
    start: int
    end: int
    text: str
    type: str
    name: str
    role: str | None
    country_codes: tuple[str, ...]


def article_mentions(body: str, spans: list[tuple[int, int, str]]) -> list[Mention]:
    """Mentions from (start, end, label) spans: titles moved to `role`, surnames and acronyms joined to full names."""
    raw = [m for m in (_mention(body, *span) for span in spans) if m is not None]
    return _resolve_within_article(raw)


def _mention(body: str, start: int, end: int, label: str) -> Mention | None:
    if label not in ENTITY_TYPES:
        return None
    start, end = trim_span(body, start, end)
    if label in PLACE_TYPES:
        end = _extended_to_place(body, start, end)
    text = body[start:end]
    if not any(ch.isalpha() for ch in text):
        return None
    name = canonical_name(text)
    role = None
    if label == "PERSON":
        role, name = split_title(name)
        role = role or title_before(body, start)
    elif label in MISTAKEN_FOR_PEOPLE and _looks_like_full_name(name):
        role = title_before(body, start)
        label = "PERSON" if role else label
    if label != "PERSON":
        label, name = canonical_entity(label, name)
    return Mention(start, end, text, label, name, role, ())


def _looks_like_full_name(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and not w.isupper() for w in words)


def _extended_to_place(body: str, start: int, end: int) -> int:
    """Take in the next word when it makes a known place: the model's "Baltic" is the gazetteer's "Baltic states"."""
    following = _NEXT_WORD.match(body, end)
    if following and country_codes(body[start : following.end()]):
        return following.end()
    return end


def title_before(body: str, start: int) -> str | None:
    """The title written right before a name: "Estonian Prime Minister Kaja Kallas", "NATO's Secretary General, X"."""
    prefix = body[max(0, start - 80) : start]
    if "\n" in prefix:
        prefix = prefix.rsplit("\n", 1)[1]
    words = prefix.rstrip().removesuffix(",").split()
    taken: list[str] = []
    for word in reversed(words):
        ends_sentence = word[-1] in '.!?:;"”’)' and not _ABBREVIATED_TITLE.match(word)
        if ends_sentence or not (is_title_word(word) or (taken and fold(word) == "of")):
            break
        taken.insert(0, word)
    while taken and fold(taken[0]) == "of":
        taken.pop(0)
    if any(is_title_head(w) for w in taken):
        return " ".join(taken)
    return None


def _resolve_within_article(mentions: list[Mention]) -> list[Mention]:
    full_names = {fold(m.name): m.name for m in mentions if m.type == "PERSON" and len(m.name.split()) > 1}
    by_surname: dict[str, set[str]] = {}
    for name in full_names.values():
        by_surname.setdefault(fold(name.split()[-1]), set()).add(name)
    acronyms = {fold(m.name): m.name for m in mentions if m.type == "ORG" and is_acronym(m.name)}
    resolved = []
    for m in mentions:
        key = fold(m.name)
        type_, name = m.type, m.name
        if key in full_names:
            type_, name = "PERSON", full_names[key]
        elif len(m.name.split()) == 1 and len(by_surname.get(key, ())) == 1:
            type_, name = "PERSON", next(iter(by_surname[key]))
        elif m.type == "ORG" and acronym_of(m.name) in acronyms:
            name = acronyms[acronym_of(m.name)]
        codes = () if type_ == "PERSON" else country_codes(name)
        resolved.append(m._replace(type=type_, name=name, country_codes=codes))
    return resolved
