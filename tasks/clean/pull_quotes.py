"""Pull quotes: a passage printed a second time (often with its attribution) to catch the eye."""

from __future__ import annotations

import re

from tasks.clean.headline import fold
from tasks.clean.lines import Line, ends_sentence, run_text, word_count

_QUOTED = re.compile(r"[“\"]([^”\"]{40,})[”\"]")
_MIN_WORDS = 6
_MAX_WORDS = 40
_OPENING_MARKS = ("“", '"', "«", "„", "‘", "'")
_NEARBY_RUNS = 30


def _choose_copy(first: str, second: str) -> int:
    """Index (0 or 1) of the copy that is the pull quote: unfinished, else shorter, else the later one."""
    if ends_sentence(first) != ends_sentence(second):
        return 0 if not ends_sentence(first) else 1
    if len(first) != len(second):
        return 0 if len(first) < len(second) else 1
    return 1


def pull_quote_runs(runs: list[list[Line]], whole_repeats: bool = True) -> list[int]:
    """Positions of the paragraphs that repeat a quotation or short passage printed in a paragraph nearby; with
    `whole_repeats` False, a paragraph printed twice as it is stays twice.

    A long paragraph printed twice is left alone, and so is a long paragraph that repeats a quotation of another:
    a pull quote is short, while documents quote and re-quote passages inside their own prose."""
    texts = [run_text(run) for run in runs]
    folded = [fold(text) for text in texts]
    dropped: set[int] = set()
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        for quote in _QUOTED.findall(text):
            key = fold(quote)
            j = seen.setdefault(key, i)
            copy = (j, i)[_choose_copy(texts[j], texts[i])]
            if j != i and j not in dropped and word_count(folded[copy]) <= _MAX_WORDS:
                dropped.add(copy)
    for i, short in enumerate(folded):
        if i in dropped or not texts[i].startswith(_OPENING_MARKS) or not _MIN_WORDS <= word_count(short) <= _MAX_WORDS:
            continue
        for j in range(max(0, i - _NEARBY_RUNS), min(len(folded), i + _NEARBY_RUNS + 1)):
            long = folded[j]
            repeats = len(short) < len(long) or (whole_repeats and j < i)
            if j != i and j not in dropped and repeats and f" {short} " in f" {long} ":
                dropped.add(i)
                break
    return sorted(dropped)
