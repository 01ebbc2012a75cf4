"""Which entity a quote's speaker is: a name in the attribution, or the person a pronoun or title points back to."""

from __future__ import annotations

from tasks.enrich.attribution import Attribution
from tasks.enrich.mentions import Mention
from tasks.enrich.names import fold, is_title_head

SPEAKING_TYPES = ("PERSON", "ORG", "GPE", "NORP")
"""Types that can speak, in order of preference when an attribution names several."""

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
"""Pronouns that point back to one person; "they", "we" and "I" do not name one."""


def speaker_mention(attribution: Attribution, mentions: list[Mention]) -> Mention | None:
    """The mention a speaker is: inside the attribution; a person of that surname; for "she" the last person
    named before it; for "the foreign minister" the last person before it with that title; else None."""
    inside = [m for m in mentions if m.start >= attribution.start and m.end <= attribution.end]
    for type_ in SPEAKING_TYPES:
        named = [m for m in inside if m.type == type_]
        if named:
            return named[-1]
    words = attribution.speaker.split()
    earlier = [m for m in mentions if m.type == "PERSON" and m.end <= attribution.start]
    if len(words) == 1 and fold(words[0]) in PERSONAL_PRONOUNS:
        return earlier[-1] if earlier else None
    same_name = [m for m in mentions if m.type == "PERSON" and fold(m.name.split()[-1]) == fold(words[-1])]
    if same_name:
        return same_name[-1]
    heads = {fold(w) for w in words if is_title_head(w)}
    if heads and fold(words[0]) in {"the", "his", "her", "their"}:
        titled = [m for m in earlier if m.role and heads & {fold(w) for w in m.role.split()}]
        return titled[-1] if titled else None
    return None
