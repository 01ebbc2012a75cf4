"""Main-text detection on scraped pages of made-up outlets: the article is kept whole, the page around it goes."""

from __future__ import annotations

import random
import time

from tasks.clean.article import PageHints, clean_document
from tasks.clean.language import detect_language
from tasks.clean.lines import split_lines
from tasks.clean.main_text import article_lines

MENU = ["Skip to content", "Harbour Ledger", "Home", "Local", "Business", "Culture", "Weather", "Sign in"]
COOKIES = [
    "We value your privacy",
    "We and our partners store and access information on your device to personalise content and ads.",
    "Accept all",
    "Manage choices",
]
HEAD = [
    "Local",
    "Ferry crews vote to strike over winter timetable",
    "By Maren Holt",
    "14 February 2024",
]
ARTICLE = [
    "Crews on the island ferries have voted to strike for three days next month after talks over the new winter "
    "timetable broke down, their union said on Wednesday.",
    "The operator wants to cut the last evening crossing from both harbours, which the union says would leave "
    "shift workers and hospital staff without a way home.",
    "Advertisement",
    "What the timetable changes",
    "Under the plan, the final sailing would leave at half past eight instead of eleven, and the first morning "
    "crossing would move forty minutes later in the darkest months.",
    "“We will not run a service that strands the people who keep the island going,” said the union's regional "
    "organiser, who asked the company to reopen talks.",
    "Nobody was hurt.",
    "The operator said it had offered to review the timetable in the spring and that it regretted the union's "
    "decision, adding that it would publish a contingency schedule before the strike days.",
]
RELATED = [
    "More from Local",
    "Council approves new cycle lane on the harbour road",
    "The scheme will take a lane from cars for most of the year and is due to open before the summer season.",
    "Library opening hours to be extended in March",
    "Three branches will stay open until eight on weekdays after a volunteer scheme proved popular with readers.",
]
COMMENTS = [
    "12 comments",
    "Tomas K · 14 February 2024 at 09:12",
    "About time somebody stood up for the late shift, the last boat is the only one many of us can take home.",
    "Reply",
    "Ingrid V · 14 February 2024 at 10:40",
    "The company has been cutting corners for years and the winter crossings are already half of what they were.",
    "Reply",
    "Pete L · 14 February 2024 at 11:02",
    "Strikes only hurt the passengers, there must be a better way to settle this than stopping the boats again.",
    "Reply",
]
FOOTER = ["About us", "Contact", "Advertise", "Terms", "Privacy", "© 2024 Harbour Ledger Media"]
PAGE = "\n".join(MENU + COOKIES + HEAD + ARTICLE + RELATED + COMMENTS + FOOTER)


def _clean(text: str):
    return clean_document(text, None, PageHints())


def test_article_of_a_scraped_page_is_kept_with_its_short_lines():
    article = _clean(PAGE)
    for line in ARTICLE:
        if line != "Advertisement":
            assert line in article.paragraphs
    assert article.title == "Ferry crews vote to strike over winter timetable"
    assert article.authors == ["Maren Holt"]


def test_page_around_the_article_is_removed_with_reasons():
    article = _clean(PAGE)
    for line in MENU + COOKIES + RELATED + COMMENTS + FOOTER:
        assert all(line not in paragraph for paragraph in article.paragraphs), line
    reasons = {segment.text: segment.reason for segment in article.removed}
    assert reasons["Council approves new cycle lane on the harbour road"] == "related_teaser"
    assert reasons[RELATED[2]] == "outside_article"
    assert reasons["Reply"] == "outside_article"
    assert reasons["Advertisement"] == "advertisement"


def test_every_line_ends_in_the_body_or_in_removed():
    article = _clean(PAGE)
    kept = "\n".join(article.paragraphs + [segment.text for segment in article.removed])
    assert all(line in kept for line in PAGE.split("\n"))


def test_clean_article_text_is_kept_whole():
    text = "\n".join(
        [
            "The regiment was raised in 1941 and served in three campaigns before it was disbanded.",
            "Its first commander was a former cavalry officer.",
            "Raised on 3 March 1941 .",
            "Disbanded on 30 June 1946 .",
            "Colours presented in 1952 .",
        ]
    )
    assert _clean(text).body.split("\n\n") == text.split("\n")


def test_span_is_none_without_prose():
    assert article_lines(split_lines("Home\nNews\nSport\nWeather\nContact")) is None


def test_a_large_page_is_cleaned_in_under_a_second():
    rng = random.Random(7)
    vocabulary = "the council said on monday that a new plan would be put to voters in the spring after talks".split()
    paragraphs = [" ".join(rng.choices(vocabulary, k=rng.randint(20, 90))).capitalize() + "." for _ in range(240)]
    menus = [f"Section {i}" for i in range(240)]
    teasers = [f"Related story number {i} about the harbour" for i in range(240)]
    page = "\n".join(menus + ["A plan for voters in the spring", "By Jane Roe"] + paragraphs + teasers)
    assert len(page.split()) > 12_000  # a long article among long menus and teaser lists
    detect_language("Dieser Satz ist auf Deutsch geschrieben")  # lingua's models load once per process
    started = time.process_time()  # CPU time: the page's own cost, not the wait for a busy machine
    article = _clean(page)
    assert time.process_time() - started < 1.0
    assert len(article.paragraphs) == len(paragraphs)
