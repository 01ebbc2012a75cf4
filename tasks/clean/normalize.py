"""Text normalization: one code-point form, plain spaces, repaired mojibake and apostrophes, paired quotes."""

from __future__ import annotations

import re
import unicodedata

import ftfy

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)
# UTF-8 read as cp1252/latin-1 leaves a lead byte (Â Ã Ä Å â) before a continuation-range character.
_MOJIBAKE = re.compile(
    "[ÂÃÄÅâ][\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WRONG_WAY_APOSTROPHE = re.compile(r"(?<=\w)[‘`´](?=\w)")
_CLOSER_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–-]))”(?=\w)", re.MULTILINE)
_OPENER_CLOSING = re.compile(r"(?<=[\w.,!?;:…])“(?=[\s),.;:]|$)", re.MULTILINE)


def normalize_text(text: str) -> str:
    """Return text in NFC with mojibake repaired, odd spaces folded, lines trimmed and quotes facing the right way."""
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, _FTFY)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if "‘" in text or "`" in text or "´" in text:
        text = _WRONG_WAY_APOSTROPHE.sub("’", text)
    if "”" in text:
        text = _CLOSER_OPENING.sub("“", text)
    if "“" in text:
        text = _OPENER_CLOSING.sub("”", text)
    # str.split() with no argument splits on every Unicode space (NBSP, thin and ideographic spaces included).
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))
