"""Quoted words that are not a quotation: scare quotes, and titles of shows and works or slogans used as names.

A quotation is something someone said; a title ("Morning Report", "The Harbour at Night") names a thing. News
writing tells them apart by shape and place: a title is written in title case and stands where a noun does,
after a possessive, a preposition, an article or a kind of work (`on ETV's "Morning Report"`, `a "Keep Tartu Green"
tour`, `her film, "Summer Rain."`), or before a byline or a link (`"Harbour Cafe to Close," by Anna Berg`).
"""

from __future__ import annotations

import re

MIN_WORDS = 4
"""Shorter quoted text without closing punctuation is a scare quote or a title ("real risk"), not a quotation."""
MAX_TITLE_WORDS = 10
"""Longer text in title case is a headline-style sentence someone may well have said or written."""

MINOR_WORDS = frozenset("a an the of and or nor but in on at to for with by from into over upon via as is vs".split())
"""Words a title leaves in lower case ("Morning Report", "The Harbour at Night")."""
NOUN_PLACE = frozenset(
    """a an the of on in at to for with by from into about via as its his her their our my your this these those
    show program programme podcast film movie documentary series book novel song album column article essay
    headline nickname slogan segment broadcast magazine newspaper musical sitcom tour""".split()
)
"""Words after which a quoted title is a name, not a quotation: articles, prepositions and kinds of works."""

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = re.compile(r"\w['’]s?$")
_BYLINE_OR_LINK = re.compile(r"[,.]?(?:\s+by\s+[A-Z]|\s*https?://)")


def long_enough(text: str) -> bool:
    """Whether quoted text is long enough, or ends like a sentence, to be a quotation rather than a scare quote."""
    return len(text.split()) >= MIN_WORDS or text.endswith((".", "!", "?"))


def names_a_work(body: str, start: int, end: int) -> bool:
    """Whether the text between a pair of marks (`body[start:end]`, the marks just outside) is a title."""
    return _in_title_case(body[start:end].strip()) and _where_a_name_stands(body, start - 1, end + 1)


def _in_title_case(text: str) -> bool:
    words = _WORD.findall(text)
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and words[0][0].isupper()
        and all(w[0].isupper() or w.casefold() in MINOR_WORDS for w in words)
    )


def _where_a_name_stands(body: str, opening: int, closing: int) -> bool:
    before = body[max(0, opening - 40) : opening].split()
    word = before[-1].removesuffix(",") if before else ""
    return (
        word.casefold() in NOUN_PLACE
        or bool(_POSSESSIVE.search(word))
        or bool(_BYLINE_OR_LINK.match(body, closing, closing + 40))
    )
