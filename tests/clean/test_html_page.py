"""HTML pages: what trafilatura keeps of a page, a line per block, and the page's own metadata."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import lxml.html

from benchmarks.corpus import syndication_corpus
from benchmarks.news_page import news_page
from tasks.clean.article import PageHints, clean_document
from tasks.clean.html_page import read_html_page

PAGE = (Path(__file__).parent / "ferry_page.html").read_text(encoding="utf-8")


def test_hidden_elements_are_not_read_and_each_block_list_item_and_line_break_is_a_line():
    page = read_html_page(PAGE)
    assert not any("Subscribe now" in p or "signed in" in p for p in page.paragraphs)
    assert page.paragraphs[3:8] == [
        "Departures from the mainland:",
        "07:10 and 11:40",
        "15:20 and 18:50",
        "Cars must be booked a day ahead.",
        "Cyclists travel free on every crossing.",
    ]


def test_the_pages_metadata_fills_the_articles():
    article = clean_document(None, PAGE, PageHints())
    assert (article.title, article.authors, article.publisher) == (
        "Ferry timetable changes for winter",
        ["Mara Lindqvist"],
        "Bayside Courier",
    )
    assert article.published_at == datetime(2025, 11, 4, 7, 30, tzinfo=UTC)
    assert article.body.startswith("The island ferry will run four crossings")
    assert article.body.endswith("usual opening hours through the winter.")


def test_an_html_page_keeps_a_paragraph_printed_twice_whole():
    repeated = "The ferry will stop at the north pier on Sundays while the south pier is repaired over winter."
    html = PAGE.replace("<ul>", f"<p>{repeated}</p><p>Tickets stay the same price.</p><p>{repeated}</p><ul>")
    assert clean_document(None, html, PageHints()).body.count(repeated) == 2


def test_a_short_body_trafilatura_cut_short_is_read_from_the_baseline_without_hidden_elements():
    notice = (
        "The harbour office will close the north quay to all traffic from Monday while divers inspect the piles\n"
        "that hold up the old timber deck. Fishing boats will moor at the south quay instead, where the harbour\n"
        "master has set aside six berths and a crane for landing catches."
    )
    html = (
        "<html><head><title>North quay closes</title></head><body><article><h1>North quay closes</h1>"
        f"<div>{notice}</div><div>{notice}</div>"
        '<div style="display:none">Sign in to save this story to your reading list.</div></article></body></html>'
    )
    text = read_html_page(html).text
    assert text.count("six berths and a crane") == 2
    assert "reading list" not in text


def test_a_crawled_news_page_gives_its_whole_article_and_none_of_the_site_around_it():
    """A page shaped like real news pages (menus, share bars, ad slots, teaser rails, a footer, scripts and JSON
    state: some 500 elements around the article), as the web archive benchmark writes them."""
    for n, row in enumerate(syndication_corpus(3, seed=11).itertuples(index=False)):
        html = news_page(random.Random(n), row, "harbour-news.example", f"https://harbour-news.example/2026/11/{n}")
        article = clean_document(None, html, PageHints())
        assert len(lxml.html.fromstring(html).xpath("//*")) > 350
        assert (article.title, article.publisher) == (row.title, row.publisher)
        assert article.paragraphs[: row.body.count("\n\n") + 1] == row.body.split("\n\n")
        assert len(article.body) > 2 * len(row.body)  # the story carries on past the corpus's opening paragraphs
        assert not any(w in article.body for w in ("Advertisement", "Most read", "Read also", "Sign up", "cookies"))
