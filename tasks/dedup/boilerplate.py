"""Paragraphs a publisher repeats across its articles (footers, disclaimers, newsletter pitches).

A paragraph is learned as boilerplate of a publisher when it appears in at least `min_articles` of that
publisher's articles and in at least `min_share` of them; each article counts once, so a pull quote
repeated inside one article is not boilerplate. The clean stage removes such paragraphs with the reason
`repeated_across_publisher`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from tasks.dedup.content_hash import content_hash
from tasks.dedup.settings import DedupSettings

REASON = "repeated_across_publisher"


def paragraph_hash(paragraph: str) -> str:
    """The same fingerprint as an article's content hash, so spacing and punctuation do not matter."""
    return content_hash(paragraph)


def publisher_boilerplate(
    paragraphs_by_publisher: Mapping[str, Iterable[Iterable[str]]], settings: DedupSettings | None = None
) -> dict[str, frozenset[str]]:
    """For each publisher (-> its articles -> their paragraphs), the hashes of its boilerplate paragraphs."""
    settings = settings or DedupSettings()
    learned = {}
    for publisher, articles in paragraphs_by_publisher.items():
        seen_in = Counter()
        total = 0
        for paragraphs in articles:
            total += 1
            seen_in.update({paragraph_hash(p) for p in paragraphs if p.strip()})
        needed = max(settings.boilerplate_min_articles, settings.boilerplate_min_share * total)
        learned[publisher] = frozenset(h for h, count in seen_in.items() if count >= needed)
    return learned
