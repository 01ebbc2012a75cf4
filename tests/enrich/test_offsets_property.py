"""Whatever the text, quotes and dates never raise and their offsets point at their text."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.enrich.dates import date_mentions
from tasks.enrich.quotes import article_quotes

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "'",
        "’",
        " ",
        "\n\n",
        ",",
        ".",
        " said ",
        " she ",
        " Smith ",
        "12",
        "2014",
        " on Monday",
        " Dec. 5",
        " in mid-February",
        " last year",
        "We will win",
        " according to ",
        ":",
        "5'10\"",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_quote_offsets(text):
    for quote in article_quotes(text, []):
        assert 0 <= quote.start < quote.end <= len(text)
        span = text[quote.start : quote.end]
        assert (
            span == quote.text
            or "\n" in span
            or (quote.cue or "\0") in span
            or '"' in span
            or "“" in span
            or "”" in span
        )


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.sampled_from([None, date(2022, 1, 14)]))
def test_date_offsets(text, published):
    for found in date_mentions(text, published):
        assert text[found.start : found.end] == found.text
        assert found.resolved == (found.date is not None)
