"""Direct quotations of one article with their speaker and cue verb."""

from __future__ import annotations

from typing import NamedTuple

from tasks.enrich.attribution import (
    PRONOUNS,
    SENTENCE_END,
    Attribution,
    after_quote,
    before_quote,
    led_in_by_participle,
    speaker_in_sentence,
)
from tasks.enrich.mentions import Mention
from tasks.enrich.quotation_marks import Piece, Quotation, paragraph_bounds, quotations
from tasks.enrich.quoted_names import long_enough, names_a_work
from tasks.enrich.speakers import SPEAKING_TYPES, speaker_mention

SUBJECT_WITHIN_WORDS = 6
"""A person named this early in the sentence before a quote is its subject, and the quote's likely speaker."""


class Quote(NamedTuple):
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_mention: Mention | None
    cue: str | None


def article_quotes(body: str, mentions: list[Mention]) -> list[Quote]:
    """Quotes in reading order; a quote without a stated speaker takes the one the text around it implies
    (then its cue is None: no verb introduces it)."""
    paragraphs = paragraph_bounds(body)
    found: list[_Found] = []
    quoted = [q for q in quotations(body) if len(q.pieces) > 1 or not names_a_work(body, *q.pieces[0])]
    joined = _joined_around_attributions(body, quoted)
    openings = [pieces[0].start - 1 for pieces, _ in joined[1:]] + [len(body)]
    for (pieces, gap_attribution), next_opening in zip(joined, openings, strict=False):
        text, start, end = _quote_text(body, pieces)
        after = _attribution_after(body, pieces, next_opening)
        if not long_enough(text) and not _said_by(body, pieces[-1], after):
            continue
        paragraph = next(p for p in paragraphs if p[0] <= start <= p[1])
        attribution = (
            gap_attribution
            or _stated(body, pieces, paragraph, found, after, mentions)
            or _implied(body, pieces, paragraph, paragraphs, found, mentions)
        )
        mention = speaker_mention(attribution, mentions) if attribution else None
        speaker, cue = (attribution.speaker, attribution.cue) if attribution else (None, None)
        found.append(
            _Found(Quote(text, start, end, speaker, mention, cue), attribution, pieces[0].start - 1, pieces[-1].end + 1)
        )
    return [f.quote for f in found]


class _Found(NamedTuple):
    quote: Quote
    attribution: Attribution | None
    opening: int
    closing: int
    """Offset right after the closing mark."""


def _joined_around_attributions(
    body: str, found: list[Quotation]
) -> list[tuple[tuple[Piece, ...], Attribution | None]]:
    """`"Piece one," she said, "piece two."` is one quote: join pieces whose gap is only an attribution. So is
    `"Sentence one," she said. "Sentence two."`, unless the second has an attribution of its own."""
    joined: list[tuple[tuple[Piece, ...], Attribution | None]] = []
    for n, quotation in enumerate(found):
        if joined and joined[-1][1] is None:
            pieces = joined[-1][0]
            between = _attribution_between(body, pieces[-1].end + 1, quotation.pieces[0].start - 1)
            if between and (between[1] or not _attributed_after(body, quotation, found[n + 1 : n + 2])):
                joined[-1] = ((*pieces, *quotation.pieces), between[0])
                continue
        joined.append((quotation.pieces, None))
    return joined


def _attribution_between(body: str, closing: int, opening: int) -> tuple[Attribution, bool] | None:
    """The attribution that is all of one sentence between two quotes in a paragraph, and whether it leads on
    with a comma."""
    gap = body[closing:opening]
    if "\n" in gap:
        return None
    gap = gap.rstrip()
    if not gap.endswith((",", ".")) or SENTENCE_END.search(gap):
        return None
    attribution = after_quote(body, closing, opening)
    return (attribution, gap.endswith(",")) if attribution else None


def _attributed_after(body: str, quotation: Quotation, following: list[Quotation]) -> bool:
    """Whether a quote has its own attribution after it, before its line or the next quote begins."""
    closing = quotation.pieces[-1].end + 1
    line_end = body.find("\n", closing)
    stop = min([line_end if line_end >= 0 else len(body)] + [q.pieces[0].start - 1 for q in following])
    return after_quote(body, closing, stop) is not None


def _attribution_after(body: str, pieces: tuple[Piece, ...], next_opening: int) -> Attribution | None:
    """A speaker and cue written right after the quote, before its line or the next quote begins."""
    closing = pieces[-1].end + 1
    line_end = body.find("\n", closing)
    return after_quote(body, closing, min(next_opening, line_end if line_end >= 0 else len(body)))


def _said_by(body: str, piece: Piece, after: Attribution | None) -> bool:
    """`"You tell me," he said.`: a short quote led by its comma into a cue and a named or pronoun speaker is
    a quotation, not a scare quote."""
    led_on = body[piece.start : piece.end].rstrip().endswith(",") or body.startswith(",", piece.end + 1)
    speaker = after.speaker if after and after.cue else ""
    return led_on and (speaker[:1].isupper() or speaker.casefold() in PRONOUNS)


def _stated(
    body: str,
    pieces: tuple[Piece, ...],
    paragraph: tuple[int, int],
    found: list[_Found],
    after: Attribution | None,
    mentions: list[Mention],
) -> Attribution | None:
    """The attribution written right after the quote (`after`) or leading into it, in the same sentence."""
    opening = pieces[0].start - 1
    if after and not _ends_sentence(body, pieces[-1]):
        return after
    lead_start = _sentence_starts(body, _since(paragraph, found), opening)[-1]
    return (
        before_quote(body, lead_start, opening)
        or speaker_in_sentence(body, lead_start, opening)
        or _lead_in(body, lead_start, opening, mentions)
        or after
    )


def _ends_sentence(body: str, piece: Piece) -> bool:
    """A quote closed by a full stop (`Smith said: "We will win." She added that ...`) ends its sentence: its
    lead-in names its speaker, not the words after it."""
    return body[piece.start : piece.end].rstrip().endswith(".")


def _lead_in(body: str, start: int, end: int, mentions: list[Mention]) -> Attribution | None:
    """The speaker of a sentence that leads into a quote without a cue: before a colon the last person it names
    (`..., Smith answered them: "`), before a participle the first (`Smith criticised Berg, saying, "`); failing
    a person, an organisation or a place that speaks (`the Tartu city council was firm in its reply: "`)."""
    lead = body[start:end].rstrip()
    by_participle = led_in_by_participle(lead)
    if not by_participle and not lead.endswith(":"):
        return None
    named = [m for m in mentions if start <= m.start and m.end <= end and m.type in SPEAKING_TYPES]
    if not by_participle:
        named.reverse()
    chosen = next((m for m in named if m.type == "PERSON"), named[0] if named else None)
    return Attribution(chosen.text, chosen.start, chosen.end, None) if chosen else None


def _implied(
    body: str,
    pieces: tuple[Piece, ...],
    paragraph: tuple[int, int],
    paragraphs: list[tuple[int, int]],
    found: list[_Found],
    mentions: list[Mention],
) -> Attribution | None:
    """The speaker the text implies: the person the sentences before are about, or the previous quote's speaker."""
    opening = pieces[0].start - 1
    sentences = _sentence_starts(body, _since(paragraph, found), opening)
    implied = _subject(body, sentences[-1], opening, mentions)
    if not implied and len(sentences) > 1:
        implied = speaker_in_sentence(body, sentences[-2], sentences[-1]) or _subject(
            body, sentences[-2], sentences[-1], mentions
        )
    previous = found[-1] if found else None
    if not implied and previous and previous.closing > paragraph[0]:
        implied = previous.attribution
    if not implied and opening == paragraph[0] and paragraph in paragraphs[1:]:
        before_start, before_end = paragraphs[paragraphs.index(paragraph) - 1]
        if previous and previous.opening >= before_start:
            implied = after_quote(body, previous.closing, before_end) or previous.attribution
        else:
            tail = _sentence_starts(body, before_start, before_end)[-1]
            implied = (
                speaker_in_sentence(body, tail, before_end)
                or _lead_in(body, tail, before_end, mentions)
                or _subject(body, tail, before_end, mentions)
            )
    return implied._replace(cue=None) if implied else None


def _since(paragraph: tuple[int, int], found: list[_Found]) -> int:
    """Where the lead-in to a quote may start: its paragraph, or the end of the quote before it there."""
    if found and found[-1].closing > paragraph[0]:
        return found[-1].closing
    return paragraph[0]


def _subject(body: str, start: int, end: int, mentions: list[Mention]) -> Attribution | None:
    """The person a sentence opens with (`Latvian Foreign Minister Edgars Rinkevics spoke of ...`)."""
    for m in mentions:
        if start <= m.start < end and m.type == "PERSON":
            if len(body[start : m.start].split()) <= SUBJECT_WITHIN_WORDS:
                return Attribution(m.text, m.start, m.end, None)
            return None
    return None


def _sentence_starts(body: str, start: int, end: int) -> list[int]:
    return [start] + [m.end() for m in SENTENCE_END.finditer(body, start, end) if m.end() <= end]


def _quote_text(body: str, pieces: tuple[Piece, ...]) -> tuple[str, int, int]:
    """Text without marks (pieces joined by a space) and its span; the comma that leads into an attribution
    ("...," she said) is not part of the quote unless the quote goes on in the same sentence, nor is a stray comma
    left before the final stop ("...,.")."""
    spans = [
        _inner(body, p.start, p.end, drop_comma=i == len(pieces) - 1 or _opens_sentence(body, pieces[i + 1]))
        for i, p in enumerate(pieces)
    ]
    return " ".join(body[s:e] for s, e in spans), spans[0][0], spans[-1][1]


def _opens_sentence(body: str, piece: Piece) -> bool:
    """`"...," she said. "The next sentence."`: the comma before her attribution is no part of the joined quote."""
    text = body[piece.start : piece.end].lstrip()
    return text[:1].isupper()


def _inner(body: str, start: int, end: int, drop_comma: bool) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or (drop_comma and body[end - 1] == ",")):
        end -= 1
    if body.endswith(",.", start, end):
        end -= 2
    return start, end
