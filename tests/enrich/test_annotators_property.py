"""Whatever the body, no annotator fails: random and degenerate bodies through every annotator, as a batch would
meet them (an annotator that raised would be listed in the annotation's failures)."""

from __future__ import annotations

import string
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.enrich import model
from tasks.enrich.annotation import ANNOTATORS, ArticleRecord, annotate_records
from tasks.enrich.keyphrases import stopwords
from tasks.enrich.model import MAX_PIECE_CHARS, entity_spans
from tasks.settings import PROJECT_ROOT, Settings

SETTINGS = Settings()
MB = 1_000_000
SCRIPTS = (
    "".join(
        chr(c)
        for start, end in ((0x41, 0x7A), (0xC0, 0x17F), (0x391, 0x3C9), (0x410, 0x44F), (0x5D0, 0x5EA), (0x627, 0x64A))
        for c in range(start, end)
    )
    + "中文日本語한국어हिन्दी😀\u0301\u200b\u202e"
)
WORDS = st.text(alphabet=string.ascii_letters + "’'-.", min_size=1, max_size=15)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", '"', "“", "”", " said ", "\t", "\r\n"])

DATE_WORDS = st.sampled_from(
    [
        "next week",
        "last year",
        "tomorrow",
        "yesterday",
        "next Friday",
        "two weeks ago",
        "in early December",
        "next month",
        "on Monday",
        "December 5",
        "2014",
        "May 2021",
    ]
)
BODIES = st.one_of(
    st.text(max_size=3000),
    WORDS,
    st.lists(st.sampled_from(sorted(stopwords())), min_size=1, max_size=300).map(" ".join),
    st.text(alphabet=string.punctuation + "“”‘’«»–—…\n ", min_size=1, max_size=500),
    st.lists(st.one_of(st.integers(), st.floats(allow_nan=True)), min_size=1, max_size=200).map(
        lambda numbers: " ".join(map(str, numbers))
    ),
    st.tuples(WORDS, st.integers(1, 3000), SEPARATORS).map(lambda t: t[2].join([t[0]] * t[1])),
    st.text(alphabet=SCRIPTS + " \n", min_size=1, max_size=2000),
    st.lists(st.tuples(st.one_of(WORDS, st.text(alphabet=SCRIPTS, max_size=8)), SEPARATORS), max_size=400).map(
        lambda pairs: "".join(word + sep for word, sep in pairs)
    ),
    st.lists(st.tuples(DATE_WORDS, SEPARATORS), min_size=1, max_size=20).map(lambda p: "".join(w + s for w, s in p)),
)
DAYS = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max]))


def failures(bodies: list[str], published_on: date | None = None) -> list[tuple[str, str, str]]:
    records = [ArticleRecord(f"a{n}", body, published_on) for n, body in enumerate(bodies)]
    annotations = annotate_records(records, SETTINGS.spacy_model, tuple(SETTINGS.languages))
    return [(a.article_id, *failure) for a in annotations for failure in a.failures]


@settings(max_examples=80, deadline=None)
@given(body=BODIES, published_on=DAYS)
def test_no_annotator_fails_on_any_body(body, published_on):
    assert failures([body], published_on) == []


@settings(max_examples=15, deadline=None)
@given(bodies=st.lists(BODIES, min_size=2, max_size=8), published_on=DAYS)
def test_no_annotator_fails_on_any_batch(bodies, published_on):
    assert failures(bodies, published_on) == []


def test_a_one_megabyte_body_is_annotated_whole():
    """Dense prose for the annotators that read a body whole; for the recognizer, which reads every word and takes
    minutes on a megabyte of prose, a megabyte of few words (spaCy alone refuses a million characters)."""
    seed = next((PROJECT_ROOT / "seeds").glob("*.txt")).read_text()
    prose = (seed * (MB // len(seed) + 1))[:MB]
    for name in ("tone", "keyphrases"):
        ANNOTATORS[name](prose)
    ANNOTATORS["dates"](prose, date(2022, 1, 14))
    ANNOTATORS["quotes"](prose, [])
    sparse = "Tallinn " + " ".join(["x" * 5000] * (MB // 5001)) + "\n\n" + "y" * MB
    assert len(sparse) > MB and "y" * MAX_PIECE_CHARS in sparse
    (spans,) = entity_spans([sparse], SETTINGS.spacy_model)
    assert all(sparse[start:end].strip() for start, end, _ in spans)
    assert failures([sparse]) == []


def test_the_recognizer_never_reads_across_a_line():
    menu = "\n".join(["Home", "World", "Europe", "Baltic States", "Business", "Tech", "Sport", "Culture"] * 3)
    body = f"{menu}\n\nEstonian Prime Minister Kaja Kallas met NATO officials in Brussels.\n"
    (spans,) = entity_spans([body], SETTINGS.spacy_model)
    assert spans and all("\n" not in body[start:end] for start, end, _ in spans)
    assert ("Kaja Kallas", "PERSON") in {(body[start:end], label) for start, end, label in spans}


def test_a_line_longer_than_a_piece_is_cut_after_a_sentence(monkeypatch):
    monkeypatch.setattr(model, "MAX_PIECE_CHARS", 300)
    line = "Kaja Kallas met officials in Riga on Monday. " * 30
    (spans,) = entity_spans([line], SETTINGS.spacy_model)
    assert max(start for start, _, _ in spans) > 1000
    assert {line[start:end] for start, end, _ in spans} <= {"Kaja Kallas", "Riga", "Monday"}
