import random
from collections import Counter

import pytest

from tasks.clean import paragraph_counts
from tasks.clean.paragraph_counts import (
    PARAGRAPH_BREAK,
    BoilerplateSettings,
    ParagraphCounts,
    paragraph_hash,
    paragraph_hashes,
)

FOOTER = "© 2026 Coastal Times. All rights reserved."
PITCH = "Sign up for our morning newsletter."


def story(i: int) -> list[str]:
    return [f"The council met for the {i}th time.", f"Item {i} was approved.", FOOTER]


def publisher_boilerplate(paragraphs_by_publisher: dict[str, list[list[str]]]) -> dict[str, frozenset[int]]:
    """Learned from one part holding every publisher's articles (each a list of paragraphs)."""
    counts = ParagraphCounts(paragraphs_by_publisher)
    rows = [(p, PARAGRAPH_BREAK.join(a)) for p, articles in paragraphs_by_publisher.items() for a in articles]
    counts.add([p for p, _ in rows], [body for _, body in rows])
    return counts.learned()


def test_footer_repeated_across_a_publishers_articles_is_learned():
    learned = publisher_boilerplate({"Coastal Times": [story(i) for i in range(6)]})
    assert learned == {"Coastal Times": frozenset({paragraph_hash(FOOTER)})}


def test_hash_ignores_spacing_and_punctuation():
    assert paragraph_hash("© 2026  Coastal Times — all rights reserved") == paragraph_hash(FOOTER)


def test_paragraphs_hashed_together_hash_as_one_by_one():
    paragraphs = [FOOTER, PITCH, "Ünïcode façade — «quoted»", "", "***"]
    assert paragraph_hashes(paragraphs).tolist() == [paragraph_hash(p) for p in paragraphs]


def test_pull_quote_repeated_inside_one_article_is_not_boilerplate():
    quote = '"We will not back down," she said.'
    learned = publisher_boilerplate({"Gazette": [[quote, "Body.", quote], ["Other."], ["More."]]})
    assert learned["Gazette"] == frozenset()


def test_rare_paragraph_of_a_large_publisher_is_not_boilerplate():
    articles = [story(i)[:2] + ([PITCH] if i < 5 else []) for i in range(40)]
    assert publisher_boilerplate({"Wire": articles})["Wire"] == frozenset()


def test_publishers_are_learned_apart():
    learned = publisher_boilerplate({"A": [story(i) for i in range(4)], "B": [[FOOTER], ["x"], ["y"], ["z"]]})
    assert paragraph_hash(FOOTER) in learned["A"] and learned["B"] == frozenset()


def test_blank_paragraphs_are_not_counted():
    learned = publisher_boilerplate({"A": [["Story.", " \t", ""], ["Other.", "\u2003"], ["More.", "\n"]]})
    assert learned["A"] == frozenset()


@pytest.mark.parametrize("merge_after", [1, 1 << 16])
def test_counted_part_by_part_as_article_by_article(monkeypatch, merge_after):
    monkeypatch.setattr(paragraph_counts, "_MIN_MERGE", merge_after)
    rng = random.Random(5)
    pool = [FOOTER, PITCH, "", "  ", "***", *(f"Paragraph {n}." for n in range(12))]
    articles = [(rng.choice("ABC"), [rng.choice(pool) for _ in range(rng.randint(0, 6))]) for _ in range(300)]
    counts = ParagraphCounts({"A", "B"})
    for start in range(0, len(articles), 7):
        part = articles[start : start + 7]
        counts.add([p for p, _ in part], [PARAGRAPH_BREAK.join(paragraphs) for _, paragraphs in part])
    settings = BoilerplateSettings(min_share=0.2)
    learned = counts.learned(settings)
    assert learned == {p: counted_one_by_one(articles, p, settings) for p in "AB"} and all(learned.values())


def counted_one_by_one(
    articles: list[tuple[str, list[str]]], publisher: str, settings: BoilerplateSettings
) -> frozenset:
    ours = [paragraphs for p, paragraphs in articles if p == publisher]
    seen_in = Counter(h for paragraphs in ours for h in {paragraph_hash(p) for p in paragraphs if p.strip()})
    needed = max(settings.min_articles, settings.min_share * len(ours))
    return frozenset(h for h, count in seen_in.items() if count >= needed)
