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


def test_an_article_that_is_only_boilerplate_is_reported_as_emptied():
    run = articles(*(story(n) + "\n\n" + FOOTER for n in range(3)), FOOTER)
    learned = learn_boilerplate([pd.DataFrame(columns=["publisher", "body"]), run], {"Harbour Times"})
    stripped, _, emptied = strip_boilerplate(run, learned, {})
    assert emptied == ["a3"] and len(stripped) == 3


def test_learning_part_by_part_learns_what_one_part_does_and_skips_other_publishers():
    run = articles(*(story(n) + "\n\n" + FOOTER for n in range(3)), story(9), story(10))
    published = articles(*(story(n) + "\n\n" + FOOTER for n in range(20, 24)), story(30))
    whole = learn_boilerplate([pd.concat([published, run], ignore_index=True)], {"Harbour Times"})
    other = articles(*(story(n) for n in range(40, 80)), publisher="Other Post")
    parts = [published.iloc[:2], other, published.iloc[2:], run.iloc[:1], run.iloc[1:]]
    assert learn_boilerplate(parts, {"Harbour Times"}) == whole and whole["Harbour Times"]
