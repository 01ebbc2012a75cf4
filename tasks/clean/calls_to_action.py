"""Share, follow and subscribe calls to action, in several languages, and bars of share buttons."""

from __future__ import annotations

import re

from tasks.clean.lines import word_count, words

_I = re.IGNORECASE
_PLATFORMS = (
    r"twitter|x|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|google news|flipboard|threads|"
    r"bluesky|mastodon|reddit|pinterest|vk|viber|snapchat|rss|newsletters?|podcasts?|app|email|e-mail|"
    r"messenger|uudiskiri\w*|newsletter\w*|рассылк\w*|jaunumu"
)
_CTA = re.compile(
    r"^(?:\W*)(?:follow|like|join|subscribe|sign up|share|find|connect with|download|get|read us|listen|"
    r"stay (?:up to date|informed|connected)|jälgi|liitu|telli|folge|folgen sie|abonnieren|suivez|"
    r"abonnez|seuraa|tilaa|sekojiet|sekite|подпис\w*|следите|síguenos|obserwuj|följ)\b.{0,80}?"
    rf"\b(?:{_PLATFORMS})\b",
    _I,
)
_SHARE_PHRASE = re.compile(
    r"^(?:\W*)(?:share (?:this|the) (?:article|story|page|post)|share on \w+|click to share)\b", _I
)
_BUTTONS = re.compile(rf"^(?:{_PLATFORMS}|share|tweet|print|copy link|copy|pin|send|mail|jaga|teilen|partager)$", _I)

_MAX_WORDS = 30
_MAX_BUTTONS = 10


def is_social_cta(text: str) -> bool:
    """A line asking the reader to follow, share or subscribe, or a row of share buttons."""
    count = word_count(text)
    if count > _MAX_WORDS:
        return False
    if _CTA.search(text) or _SHARE_PHRASE.search(text):
        return True
    if count > _MAX_BUTTONS:
        return False
    items = [item for item in re.split(r"\s*[|·•,/]\s*|\s{2,}", text) if item]
    if len(items) == 1:
        items = words(text)
    return 0 < len(items) <= _MAX_BUTTONS and all(_BUTTONS.match(item) for item in items)
