"""No cleaning pass may remove a whole article: a pass that would leave nothing is undone, and why is noted."""

from __future__ import annotations

from tasks.clean.article import PageHints, clean_document
from tasks.clean.passes import kept_whole_note


def test_a_one_line_article_is_not_taken_whole_as_its_headline():
    article = clean_document("Harbour council approves new budget\n\nAccept all cookies", None, PageHints())
    assert article.body == "Harbour council approves new budget"
    assert article.notes == [kept_whole_note("title")]
    assert [(s.text, s.reason) for s in article.removed] == [("Accept all cookies", "cookie_notice")]


def test_a_pass_that_leaves_text_is_not_noted():
    text = "Harbour council approves new budget\n\nThe council voted on Monday to fund two new ferry berths."
    article = clean_document(text, None, PageHints())
    assert article.notes == [] and article.body.startswith("The council voted")
