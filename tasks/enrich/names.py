"""Canonical names: what is left of a mention once articles, possessives, titles and stray punctuation are gone."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

TITLE_HEADS = frozenset(
    """president minister secretary chancellor premier senator governor mayor king queen prince princess pope
    chairman chairwoman chair chief commissioner ambassador spokesman spokeswoman spokesperson envoy director
    general admiral colonel captain lieutenant sergeant commander judge justice prosecutor attorney leader speaker
    lawmaker legislator deputy representative congressman congresswoman sheikh emir bishop archbishop cardinal
    ceo cfo coo founder head pm mp mep dr mr mrs ms sir dame lord lady rep sen gov gen col lt capt sgt adm prof
    professor""".split()
)
"""Words that make a title on their own ("President", "Minister", "Dr.")."""

TITLE_MODIFIERS = frozenset(
    """prime foreign defence defense interior finance economy health justice home trade energy environment
    culture education labour labor agriculture transport deputy vice acting former interim first chief general
    executive supreme high state assistant under permanent junior senior chief""".split()
)
"""Words that only qualify a title ("Prime", "Foreign", "Vice", "former")."""

_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_PUNCTUATION = "\"'“”‘’.,;:!?()[]{}-–—/\\|*#"
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Key for comparing names: case, accents and dots folded ("U.S." and "us", "Rinkēvičs" and "rinkevics");
    cached, as the same names and title words come back in every article."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain.replace(".", "")).strip().casefold()


def is_title_word(word: str) -> bool:
    key = fold(word)
    return key in TITLE_HEADS or key in TITLE_MODIFIERS


def is_title_head(word: str) -> bool:
    return fold(word) in TITLE_HEADS


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past a leading "the", a trailing possessive and edge punctuation or spaces."""
    while True:
        text = body[start:end]
        lead = _LEADING_ARTICLE.match(text)
        possessive = _POSSESSIVE.search(text)
        if lead and end - start > lead.end():
            start += lead.end()
        elif possessive and possessive.start() > 0:
            end = start + possessive.start()
        elif text and text[0] in _EDGE_PUNCTUATION + " \n" and end - start > 1:
            start += 1
        elif text and text[-1] in _EDGE_PUNCTUATION + " \n" and not _is_abbreviation(text) and end - start > 1:
            end -= 1
        else:
            return start, end


def _is_abbreviation(text: str) -> bool:
    """ "U.S." keeps its final dot: a dotted run of single letters."""
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}", text))


def split_title(name: str) -> tuple[str | None, str]:
    """("Prime Minister", "Kaja Kallas") from "Prime Minister Kaja Kallas"; the title is None when there is none."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and (is_title_word(words[cut]) or (cut and fold(words[cut]) == "of")):
        cut += 1
    while cut and fold(words[cut - 1]) == "of":
        cut -= 1
    if cut and any(is_title_head(w) for w in words[:cut]):
        return " ".join(words[:cut]), " ".join(words[cut:])
    return None, name


def canonical_name(text: str) -> str:
    """Canonical form of a mention: single spaces, no leading article, possessive or edge punctuation."""
    start, end = trim_span(text, 0, len(text))
    return _SPACES.sub(" ", text[start:end]).strip()


def preferred_name(names: Iterable[str]) -> str:
    """The spelling an entity is named by among those that fold to it, whatever order they were met in."""
    return min(names, key=name_rank)


def name_rank(name: str) -> tuple[int, str]:
    """Lower is preferred: the most accented letters (a name as its language writes it, not flattened to ASCII),
    then sort order."""
    return -sum(ch != unicodedata.normalize("NFKD", ch)[0] for ch in name), name


def entity_id(type_: str, name: str) -> str:
    """Stable id: the same type and folded name give the same id in every run."""
    return hashlib.sha256(f"{type_}\x1f{fold(name)}".encode()).hexdigest()[:16]


def acronym_of(name: str) -> str | None:
    """The acronym a multi-word name would have ("North Atlantic Treaty Organization" -> "nato")."""
    words = name.split()
    letters = [w[0] for w in words if fold(w) not in _ACRONYM_SKIP and w[0].isalpha()]
    return "".join(letters).casefold() if len(letters) >= 2 else None


def is_acronym(name: str) -> bool:
    """ "NATO", "U.S.", "OSCE": two to eight capitals, dots allowed."""
    return bool(re.fullmatch(r"(?:[A-Z]\.?){2,8}", name))


_ACRONYM_SKIP = frozenset("of the and for in on to at de du des la le &".split())
