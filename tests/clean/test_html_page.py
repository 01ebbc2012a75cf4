"""HTML pages: what trafilatura keeps of a page, a line per block, and the page's own metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

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
