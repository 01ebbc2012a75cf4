"""Authors, date and publisher of a scraped text dump, read from the lines about the article's start."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tasks.clean.article import PageHints, clean_document
from tasks.clean.bylines import read_byline, read_dated_name
from tasks.clean.publisher import publisher_from_copyright, publisher_from_title_line

_MENU = "\n".join(["Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather"])
_PROSE = (
    "The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last until "
    "the end of the summer season, officials said.\n"
    "Residents who depend on the morning crossing will be offered a shuttle bus from the station, and the board "
    "said it would publish a timetable for the replacement service later this week.\n"
    "Several shop owners near the pier told reporters that they were worried about losing the visitors who usually "
    "arrive on the first boat of the day during the busy months of the year.\n"
)
_TEASERS = "More stories\nBy Max Teaser March 2, 2021\nBy Other Writer March 1, 2021\n"


def _page(top: str) -> str:
    title = "Ferry pier to close for repairs"
    return f"{title} | Harbour Gazette\n{_MENU}\n{title}\n{top}\n{_PROSE}{_TEASERS}"


@pytest.mark.parametrize(
    ("top", "authors", "day"),
    [
        ("By Jane Roe and Tom Doe | March 3, 2021", ["Jane Roe", "Tom Doe"], 3),  # not the teasers' bylines below
        ("Anna Karlsson\nFriday 5 March 2021", ["Anna Karlsson"], 5),  # a name line over a date line
        ("Anna Karlsson\nMar 18, 2021 · 8 min read", ["Anna Karlsson"], 18),  # over a line opening with a date
        ("Older Article\non March 10, 2021 by Jane Roe", ["Jane Roe"], 10),  # a stated byline wins over a name line
        ("Jane Roe\nUpdated 5 March 2021\nPublished 3 March 2021", ["Jane Roe"], 3),  # publication wins over update
    ],
)
def test_authors_and_date_under_the_title(top: str, authors: list[str], day: int):
    article = clean_document(_page(top), None, PageHints())
    assert article.authors == authors
    assert article.published_at == datetime(2021, 3, day, tzinfo=UTC)


def test_a_name_line_followed_by_a_role_is_a_byline():
    assert clean_document(_page("Anna Karlsson\nHealth Correspondent"), None, PageHints()).authors == ["Anna Karlsson"]


def test_a_section_name_alone_is_no_author():
    article = clean_document(_page("Local News").replace(_TEASERS, ""), None, PageHints())
    assert article.authors == []
    assert article.published_at is None


def test_names_beside_a_date_without_by():
    assert read_dated_name("Jane Roe - Apr 16, 2015 8:02 pm UTC").authors == ["Jane Roe"]
    assert read_dated_name("on March 10, 2015 by Jane Roe").authors == ["Jane Roe"]
    assert read_dated_name("Updated March 10, 2015") is None
    assert read_dated_name("Share on Facebook") is None


def test_a_handle_and_a_date_after_the_name_are_not_names():
    byline = read_byline("by Jane Roe @janeroe February 1, 2016: 12:41 PM ET")
    assert byline.authors == ["Jane Roe"]
    assert byline.rest.startswith("February 1, 2016")


def test_an_affiliation_after_the_role_is_not_an_author():
    byline = read_byline("By Jane Roe, Senior Correspondent, Harbour Institute, Policy and Research Unit")
    assert byline.authors == ["Jane Roe"]


def test_the_site_named_after_the_headline_in_the_title_line_is_the_publisher():
    article = clean_document(_page("By Jane Roe"), None, PageHints())
    assert article.publisher == "Harbour Gazette"


def test_a_title_line_names_the_site_only_after_a_headline_the_page_prints():
    headlines = {"Ferry pier to close for repairs"}.__contains__
    assert publisher_from_title_line("Ferry pier to close for repairs - eGazette", headlines) == "eGazette"
    assert publisher_from_title_line("Members area: Log in | Register", headlines) is None


def test_the_copyright_holder_without_years_company_suffix_or_a_cut_at_a_dot():
    assert publisher_from_copyright("© Copyright 2008 - 2024 Harbour Media Inc.") == "Harbour Media"
    assert publisher_from_copyright("© 2016 Gazeta de S.Vicente. All rights reserved.") == "Gazeta de S.Vicente"
    assert publisher_from_copyright("© 2016 by individual contributors") is None


def test_a_description_after_the_name_is_not_part_of_the_byline():
    byline = read_byline(
        "By Jane Roe, a senior editor who has covered the harbour and its ferries for more than ten years"
    )
    assert byline.authors == ["Jane Roe"]
