"""Rules that take out furniture leave the article's own prose: long quoting paragraphs, copy naming a browser."""

from __future__ import annotations

from tasks.clean.article import PageHints, clean_document
from tasks.clean.notices import notice_reason

QUOTE = "“every berth on the north quay must be inspected before the winter storms arrive”"


def test_a_long_paragraph_that_repeats_a_quotation_of_another_is_kept():
    first = (
        f"The harbour master wrote to the board in March that {QUOTE}, and asked for divers to be hired before the "
        "end of the summer so that any repairs could be finished while the fishing fleet was still at sea and the "
        "quay was quiet."
    )
    second = (
        f"At Tuesday's meeting the board's chair read the letter aloud, {QUOTE}, and said the board had agreed to "
        "pay for the inspection from its reserves rather than raise the mooring fees that the fishing crews pay "
        "each season."
    )
    text = f"Quay inspection approved\n\n{first}\n\n{second}\n\nThe divers start work next week."
    body = clean_document(text, None, PageHints()).body
    assert first in body and second in body


def test_product_copy_that_names_a_browser_is_prose_and_an_upgrade_request_is_a_notice():
    assert notice_reason("Debug your web pages across several browsers with this extension for developers.") is None
    assert notice_reason("No other browser gives you so many ways to arrange your tabs.") is None
    assert notice_reason("Your browser is out of date. Please update it to read this site.") == "browser_notice"
    assert notice_reason("Please turn on JavaScript in your browser to see live updates.") == "browser_notice"
