"""Who a quotation is attributed to, read from the words around it: `"...," Kallas said`, `she said: "..."`."""

from __future__ import annotations

import re
from typing import NamedTuple

CUES = (  # verbs that are also common nouns ("states", "notes", "claims") are left out
    "said says say added adds told tells stated asked asks continued continues explained explains noted wrote writes "
    "warned warns insisted insists argued argues claimed declared declares announced replied replies responded "
    "recalled recalls stressed stresses emphasised emphasized emphasises emphasizes underlined underlines suggested "
    "suggests admitted admits acknowledged acknowledges concluded tweeted posted commented remarked observed urged "
    "cautioned predicted conceded complained confirmed vowed pledged promised shouted quipped mused recounted "
    "reiterated went\\s+on goes\\s+on pointed\\s+out points\\s+out according\\s+to concludes agreed agrees "
    "answered charged countered retorted joked snapped barked boomed fumed thundered yelled screamed chanted sang "
    "interjected interrupted reacted remembered reported opined boasted bragged lamented scoffed testified texted "
    "emailed proclaimed questioned wondered maintained contended shot\\s+back fired\\s+back put\\s+it"
).split()
PARTICIPLES = (
    "saying telling adding noting writing explaining arguing declaring asking warning insisting tweeting posting "
    "interjecting chanting shouting yelling responding replying quipping joking concluding"
).split()
"""`..., saying, "`: the speaker is the sentence's subject, not the words before the participle."""
NOUN_CUES = "notes states claims reports answers".split()
"""Cues that are also nouns, taken only right after a quote and its speaker and ending the clause
(`," Smith notes.`, not `," The Baltic State is one of three states that`)."""
_CUE = r"(?P<cue>" + "|".join(sorted(CUES, key=len, reverse=True)) + r")\b"
_CUE_AFTER_SPEAKER = (
    r"(?P<cue>" + "|".join(sorted(CUES, key=len, reverse=True)) + "|(?:" + "|".join(NOUN_CUES) + r")(?=[.,;:]|$))\b"
)
_ADVERB = r"(?:(?:also|then|later|further|again|once\s+again|previously|earlier|recently|simply|just)\s+)?"
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})
DETERMINERS = frozenset({"the", "a", "an", "one", "his", "her", "their"})
ABBREVIATIONS = (
    "Mr Mrs Ms Dr Sen Sens Rep Reps Gov Gen Lt Col Maj Sgt Capt Cmdr Adm Rev Prof Hon Pres Atty Jr Sr St Mt"
).split()
"""Words written with a dot that does not end the sentence (`Sen. Anna Berg`), besides initials (`John F. Smith`)."""


def _not_after_abbreviation() -> str:
    """Look-behinds that keep a dot after an abbreviation or an initial from ending a sentence (Python's look-behind
    takes only fixed widths, so one per length)."""
    by_length: dict[int, list[str]] = {}
    for word in ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(word)
    groups = [r"\b[A-Z]"] + [r"\b(?:" + "|".join(words) + ")" for _, words in sorted(by_length.items())]
    return "".join(f"(?<!{group})" for group in groups)


SENTENCE_END = re.compile(_not_after_abbreviation() + r"[.!?][\"”’“«»)]?\s+(?![a-z0-9])")
"""Where a sentence ends: not after `Sen.` or `J.`, nor before a word in lower case or a number (`Dec. 5`)."""
_ABBREVIATED = r"\b(?:" + "|".join(ABBREVIATIONS) + r"|[A-Z])\.\s+"
_NAME_CHAR = r"(?:" + _ABBREVIATED + r"|[^\n\"“”;:!?,.]|\.(?=\S))"
"""One step through a speaker's words: `Rep. ` and `J. ` go whole, any other dot only inside a word (U.S.)."""

_SPEAKER_THEN_CUE = re.compile(
    r"^[\s,.;:–—-]*(?P<speaker>(?:"
    + _ABBREVIATED
    + r"|[^\s,.;:!?\"“”(])"
    + _NAME_CHAR
    + r"{0,80}?)\s+"
    + _ADVERB
    + _CUE_AFTER_SPEAKER
)
_SPEAKER_APPOSITION_CUE = re.compile(
    r"^[\s,.;:–—-]*(?P<speaker>(?:"
    + _ABBREVIATED
    + r"|[A-Z]|(?:his|her|their|the|a|an)\s)"
    + _NAME_CHAR
    + r"{0,60}?),\s+(?:[^\n\"“”;:!?,]{1,80},\s+){1,3}"
    + _ADVERB
    + _CUE_AFTER_SPEAKER
)
"""`," Smith, a former diplomat, said`: the apposition (up to three parts) is not part of the speaker."""
_DASH_THEN_NAME = re.compile(
    r"^[\s,.]*[―—–]\s*(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*(?=[.,;]|$|[\"“])"
)
"""`" ― Anna Berg`: a quote signed with a dash and a name, as in collected reader comments."""
_PARTICIPLE_LEAD = re.compile(
    r"\b(?:(?:" + "|".join(PARTICIPLES) + r")(?:\s+[^\s,:;.!?\"“”]+){0,4}|[a-z]{2,}ing)\s*[,:]?\s*$", re.IGNORECASE
)
_CUE_THEN_SPEAKER = re.compile(
    r"^[\s,.;:–—-]*"
    + _CUE
    + r"\s+(?P<speaker>(?:"
    + _ABBREVIATED
    + r"|[^\s,;:!?\"“”.(]|\.(?=\S))(?:"
    + _ABBREVIATED
    + r"|[^\n,;:!?\"“”.(]|\.(?=\S)){0,80})"
)
_CUE_ANYWHERE = re.compile(r"\b" + _ADVERB + _CUE, re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:(–—―]")
_ASIDE = re.compile(r"^(?:[a-z]+ing|in|on|at|during|after|before|with|for|from|while|who|which|whose)\b")
"""`Berg, speaking to reporters in Tartu, said`, `Smith, who chairs the committee, said`: an aside
between the speaker and the cue."""
_LEADING_WORDS = re.compile(r"^(?:and|but|as|while|so|when|because|then|who|which)\s+", re.IGNORECASE)
MAX_SPEAKER_WORDS = 12
"""`," Anna Berg of the Baltic Institute for Maritime and Harbour Studies wrote`: a name and where they work."""
MAX_WORDS_AFTER_CUE = 5
"""`Liimets said Friday that: "..."` or `X told ETV news show: "..."`; longer runs are reported speech, not a cue."""


class Attribution(NamedTuple):
    speaker: str
    start: int
    end: int
    cue: str | None


def after_quote(body: str, at: int, stop: int) -> Attribution | None:
    """Attribution right after a closing mark: `," Kallas said`, `," said Stoltenberg, adding`, `," he went on`."""
    tail = body[at:stop]
    for pattern in (_SPEAKER_THEN_CUE, _SPEAKER_APPOSITION_CUE, _CUE_THEN_SPEAKER):
        match = pattern.match(tail)
        if match and _plausible(match.group("speaker")):
            return _attribution(match, at)
    signed = _DASH_THEN_NAME.match(tail)
    if signed:
        return Attribution(signed.group("speaker"), at + signed.start("speaker"), at + signed.end("speaker"), None)
    return None


def led_in_by_participle(lead: str) -> bool:
    """Whether the words before an opening mark lead into a quote with a participle and no speaker
    (`..., saying, "`, `telling reporters, "`)."""
    return bool(_PARTICIPLE_LEAD.search(lead))


def before_quote(body: str, start: int, at: int) -> Attribution | None:
    """Attribution leading into an opening mark: `she said: "`, `X told Reuters: "`, `according to X, "`."""
    lead = body[start:at]
    if lead.rstrip().endswith(('"', "“", "”")):
        return None
    cues = list(_CUE_ANYWHERE.finditer(lead))
    if not cues:
        return None
    cue = cues[-1]
    rest = lead[cue.end() :].strip()
    if _is_according_to(cue):
        found = _according_to(body, start + cue.end(), at)
        return found if found and not body[found.end : at].strip(",: ") else None
    if len(rest.rstrip(":, ").split()) > MAX_WORDS_AFTER_CUE or not re.search(
        r"(?:[:,]|\bthat|^)\s*$", lead[cue.end() :].rstrip()
    ):
        return None
    return clause_speaker(body, start, start + cue.start(), _cue_word(cue))


def speaker_in_sentence(body: str, start: int, end: int) -> Attribution | None:
    """A `speaker cue` pair anywhere in a stretch of reported speech: `She said NATO was not planning ...`."""
    for cue in _CUE_ANYWHERE.finditer(body, start, end):
        if _is_according_to(cue):
            found = _according_to(body, cue.end(), end)
        else:
            found = clause_speaker(body, start, cue.start(), _cue_word(cue))
        if found:
            return found
    return None


def clause_speaker(body: str, start: int, cue_at: int, cue: str | None) -> Attribution | None:
    """The clause right before a cue as the speaker: `Speaking in Riga, Liimets said` -> Liimets;
    `Secretary of the Council, Oleksiy Danilov, said` -> Oleksiy Danilov."""
    lead = body[start:cue_at].rstrip()
    lead = lead.rstrip(",").rstrip()
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(lead)]
    for n in range(len(cuts) - 1, -1, -1):
        clause = lead[cuts[n] : cuts[n + 1] - 1 if n + 1 < len(cuts) else len(lead)].strip()
        if n == 0 or not _ASIDE.match(clause):
            break
    clause = _LEADING_WORDS.sub("", clause)
    if not _plausible(clause):
        return None
    return _speaker_at(body, start + lead.rfind(clause), clause, cue)


def _is_according_to(cue: re.Match) -> bool:
    return cue.group("cue").lower().startswith("according")


def _according_to(body: str, cue_end: int, end: int) -> Attribution | None:
    """`according to X, ...`: the speaker is X, up to the next clause break."""
    stretch = body[cue_end:end]
    name = _CLAUSE_BREAK.split(stretch, 1)[0].strip()
    return _speaker_at(body, cue_end + stretch.find(name), name, "according to") if name else None


def _speaker_at(body: str, at: int, speaker: str, cue: str | None) -> Attribution | None:
    speaker = speaker.strip()
    return Attribution(speaker, at, at + len(speaker), cue) if _plausible(speaker) else None


def _plausible(speaker: str) -> bool:
    """A pronoun, a name, or a description like `the foreign minister`, `a NATO spokesperson`."""
    words = speaker.split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return False
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return True
    return any(w[0].isupper() for w in words) or words[0].lower() in DETERMINERS


def _attribution(match: re.Match, offset: int) -> Attribution:
    speaker = match.group("speaker").rstrip()
    start = offset + match.start("speaker")
    return Attribution(speaker, start, start + len(speaker), _cue_word(match))


def _cue_word(match: re.Match) -> str:
    return re.sub(r"\s+", " ", match.group("cue").lower())
