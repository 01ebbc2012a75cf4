"""Boilerplate a publisher repeats is learned across articles and taken out of new ones, with its reason."""

from __future__ import annotations

import pandas as pd

from tasks.clean.publisher_boilerplate import learn_boilerplate, strip_boilerplate

FOOTER = "The Harbour Times is an independent paper. Support our journalism by subscribing today."


def articles(*bodies: str, publisher: str = "Harbour Times") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(bodies))],
            "publisher": publisher,
            "body": list(bodies),
            "word_count": [len(b.split()) for b in bodies],
            "content_hash": "x",
            "run_id": "run",
        }
    )


def story(n: int) -> str:
    return f"Story {n}: the council met on day {n} and agreed budget line {n * 7}."


def test_a_footer_in_most_of_a_publishers_articles_is_removed_and_recorded():
    run = articles(*(story(n) + "\n\n" + FOOTER for n in range(4)), story(9))
    published = pd.DataFrame({"publisher": ["Harbour Times"], "body": [story(20) + "\n\n" + FOOTER]})
    learned = learn_boilerplate([published, run], {"Harbour Times"})
    stripped, removed, emptied = strip_boilerplate(run, learned, {"a0": 3})
    assert not emptied
    assert not stripped["body"].str.contains("independent paper").any()
    assert stripped.loc[0, "body"] == story(0) and stripped.loc[0, "word_count"] == len(story(0).split())
    assert [(r["article_id"], r["position"], r["reason"]) for r in removed][:2] == [
        ("a0", 3, "repeated_across_publisher"),
        ("a1", 0, "repeated_across_publisher"),
    ]
    assert len(removed) == 4


def test_another_publishers_articles_and_rare_paragraphs_are_left_alone():
    run = pd.concat(
        [articles(story(1) + "\n\n" + FOOTER, story(2)), articles(story(3) + "\n\n" + FOOTER, publisher="Other Post")],
        ignore_index=True,
    )
    assert learn_boilerplate([pd.DataFrame(columns=["publisher", "body"]), run], {"Harbour Times", "Other Post"}) == {}


def test_an_article_that_is_only_boilerplate_is_kept_whole_and_reported():
    run = articles(*(story(n) + "\n\n" + FOOTER for n in range(3)), FOOTER)
    learned = learn_boilerplate([pd.DataFrame(columns=["publisher", "body"]), run], {"Harbour Times"})
    stripped, removed, kept_whole = strip_boilerplate(run, learned, {})
    assert kept_whole == ["a3"] and len(stripped) == 4 and stripped.loc[3, "body"] == FOOTER
    assert [r["article_id"] for r in removed] == ["a0", "a1", "a2"]


WIRE_PARAGRAPHS = [
    "Coastline Wire distributes this report to member newspapers under licence.",
    "Fishing quotas for the northern bays were set on Monday after two weeks of talks.",
    "The harbour board said the new limits would apply from the first day of spring.",
    "Boat owners had asked for a longer season, citing a poor winter catch.",
    "Corrections and clarifications can be sent to the wire desk at any time.",
]


def test_no_page_of_a_publisher_whose_pages_share_most_paragraphs_is_lost():
    """Five pages of one wire service: three carry the shared paragraphs plus a line of their own, two are the
    shared paragraphs only. Every shared paragraph is learned, and the two pages keep their whole text."""
    own = [f"Update {n}: the harbour master confirmed berth {n} is open again." for n in range(3)]
    bodies = ["\n\n".join([*WIRE_PARAGRAPHS, line]) for line in own] + ["\n\n".join(WIRE_PARAGRAPHS)] * 2
    run = articles(*bodies, publisher="Coastline Wire")
    learned = learn_boilerplate([run], {"Coastline Wire"})
    assert len(learned["Coastline Wire"]) == len(WIRE_PARAGRAPHS)
    stripped, removed, kept_whole = strip_boilerplate(run, learned, {})
    assert kept_whole == ["a3", "a4"]
    assert stripped["body"].tolist() == own + bodies[3:]
    assert {r["article_id"] for r in removed} == {"a0", "a1", "a2"} and len(removed) == 3 * len(WIRE_PARAGRAPHS)


def test_learning_part_by_part_learns_what_one_part_does_and_skips_other_publishers():
    run = articles(*(story(n) + "\n\n" + FOOTER for n in range(3)), story(9), story(10))
    published = articles(*(story(n) + "\n\n" + FOOTER for n in range(20, 24)), story(30))
    whole = learn_boilerplate([pd.concat([published, run], ignore_index=True)], {"Harbour Times"})
    other = articles(*(story(n) for n in range(40, 80)), publisher="Other Post")
    parts = [published.iloc[:2], other, published.iloc[2:], run.iloc[:1], run.iloc[1:]]
    assert learn_boilerplate(parts, {"Harbour Times"}) == whole and whole["Harbour Times"]
