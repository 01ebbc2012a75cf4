"""How a line ends: sentence punctuation, inside closing quotes and brackets or not, tells prose from labels."""

from __future__ import annotations

import pytest

from tasks.clean.lines import ends_sentence


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The port reopened on Monday.", True),
        ("Will it reopen?", True),
        ('"We waited for this," she said.', True),
        ('He called it "a long-awaited step."', True),
        ("(Reporting by Jane Roe.)", True),
        ("It ends in a quote’", True),
        ("Related stories:", True),
        ("Weather", False),
        ("Prices rose 3%", False),
        ("Page 2)", False),
        ("", False),
        (")", False),
    ],
)
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends
