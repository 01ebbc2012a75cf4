"""Credit lines: copyright notices, editor credits, and photo captions with their photo or source credits."""

from __future__ import annotations

import re

from tasks.clean.lines import word_count
from tasks.text.literals import any_of

_I = re.IGNORECASE

AGENCIES = (
    r"AFP|AP|Associated Press|Reuters|REUTERS|EPA|EPA-EFE|EFE|dpa|DPA|ANSA|ANP|NTB|TT|STT|PAP|BNS|LETA|ELTA|"
    r"Xinhua|TASS|Interfax|Sputnik|RIA Novosti|UNIAN|Ukrinform|Kyodo|Yonhap|Anadolu|Bloomberg|PA|PA Media|"
    r"Getty Images|Getty|Shutterstock|Alamy|Scanpix|Lehtikuva|SIPA|Sipa|IMAGO|Imago|Keystone|Belga|Ritzau"
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|^\W*copyright\b|\bcopyright\s+(?:©\s*)?(?:\d{4}|[A-Z][\w&.\- ]{1,40}\d{4})|all rights reserved"
    r"|\bautoriõigus|alle rechte vorbehalten|tous droits réservés|все права защищены|visas tiesības aizsargātas"
    r"|visos teisės saugomos|kaikki oikeudet pidätetään|wszelkie prawa zastrzeżone|todos los derechos reservados",
    _I,
)
_COPYRIGHT_STEMS = any_of(
    "©|(c)|copyright|rights reserved|autoriõigus|rechte vorbehalten|droits réservés|права защищены|"
    "tiesības aizsargātas|teisės saugomos|oikeudet pidätetään|prawa zastrzeżone|derechos reservados".split("|")
)
"""What every copyright line holds (lower-cased): a cheap test before the pattern."""
_EDITOR = re.compile(
    r"^\W*(?:editor|editors|edited by|editing by|sub-?editor|copy ?editor|toimetaja|toimetas|toimetanud|"
    r"redaktor\w*|redaktore|redakcija|redaguota|rédacteur|rédaction|redakteur\w*|bearbeitet von|редактор\w*|"
    r"toimittaja|editora?)\b(?!['’]s note)\s*[:\-–]?",
    _I,
)
_CREDIT_WORDS = (
    r"photo(?:graph)?s?|pictures?|images?|foto[sd]?|kuva|bild(?:er)?|фото|attēls|nuotr\.?|credit|source|sources|"
    r"allikas|quelle|источник|avots|šaltinis|lähde|źródło|källa|fuente|illustration|video|graphic|map|caption"
)
_CREDIT_WORD = any_of(
    "photo|picture|image|foto|kuva|bild|фото|attēls|nuotr|credit|source|allikas|quelle|источник|avots|šaltinis|"
    "lähde|źródło|källa|fuente|illustration|video|graphic|map|caption".split("|")
)
"""The stems of `_CREDIT_WORDS` (lower-cased): a credit tail names one of them."""
_CREDIT_TAIL = re.compile(
    rf"(?:\(\s*(?:{_CREDIT_WORDS})\s*(?::|by)\s*[^()]{{1,80}}\)|\b(?:{_CREDIT_WORDS})\s*(?::|by)\s*[^.!?]{{1,80}}\.?)\s*$",
    _I,
)
_AGENCY_TAIL = re.compile(
    rf"(?:/\s*(?:{AGENCIES})\b[^.]{{0,30}}|\((?:{AGENCIES})(?: via [\w ]+)?\)|\b(?:AP|AFP|EPA) Photo\b[^.]{{0,60}}"
    rf"|\bvia (?:{AGENCIES})|\b(?:Getty Images|Shutterstock|Alamy)\b[^.]{{0,20}})\.?\s*$",
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\s|$)")
_CREDIT_STEMS = re.compile(r"[/(:]|\bby\b|\bvia\b|Getty|Shutterstock|Alamy|Photo")
_CREDIT_REACH = 140
"""A credit sits in the last characters of its line; searching only there keeps long paragraphs cheap."""
_CAPTION_MAX_WORDS = 45
_CAPTION_LEAD_WORDS = 20


def is_copyright(text: str) -> bool:
    return word_count(text) <= 30 and bool(_COPYRIGHT_STEMS.search(text.lower())) and bool(_COPYRIGHT.search(text))


def is_editor_credit(text: str) -> bool:
    return word_count(text) <= 15 and bool(_EDITOR.match(text))


def caption_credit(text: str) -> re.Match[str] | None:
    """The photo or source credit that ends this line, if any."""
    if word_count(text) > 3 * _CAPTION_MAX_WORDS:
        return None
    start = max(0, len(text) - _CREDIT_REACH)
    if not _CREDIT_STEMS.search(text, start):
        return None
    credit = _CREDIT_TAIL.search(text, start) if _CREDIT_WORD.search(text[start:].lower()) else None
    return credit or _AGENCY_TAIL.search(text, start)


def caption_split(text: str) -> tuple[str, str] | None:
    """(kept text, credit) for a prose line that ends with a credit; the whole line is a caption when it is short.

    A caption is a short line of one sentence or less; a longer paragraph only loses its trailing credit.
    Returns None when the line has no credit, and ("", text) when the whole line is a caption.
    """
    credit = caption_credit(text)
    if credit is None:
        return None
    lead = text[: credit.start()].rstrip(" -–—|,")
    if word_count(lead) <= _CAPTION_LEAD_WORDS and len(_SENTENCE_END.findall(lead)) <= 1:
        return "", text
    return lead, text[credit.start() :].strip()
