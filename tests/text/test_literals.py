"""A trie of literal words finds exactly what a search for each word finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tasks.text.literals import any_of

WORDS = st.lists(st.text(alphabet="abc(|.é", min_size=1, max_size=4), min_size=1, max_size=8)


@given(words=WORDS, text=st.text(alphabet="abc(|.é ", max_size=30))
def test_any_of_finds_a_word_exactly_when_the_text_holds_one(words, text):
    assert bool(any_of(words).search(text)) == any(word in text for word in words)


def test_prefixes_and_regex_characters_are_literal():
    pattern = any_of(["(c)", "cook", "cookie", "a.b"])
    assert pattern.search("© (c) 2026") and pattern.search("cook") and pattern.search("xa.by")
    assert not pattern.search("c 2026") and not pattern.search("axb") and not pattern.search("coo")
