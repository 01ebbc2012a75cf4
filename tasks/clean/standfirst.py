"""The standfirst: the summary printed between the headline and the byline or date line."""

from __future__ import annotations

from tasks.clean.lines import Line, word_count

_MAX_WORDS = 70
_AUTHORSHIP = frozenset({"byline", "dateline"})


def standfirst_run(lines: list[Line], runs: list[list[Line]], title_index: int | None) -> list[Line] | None:
    """The first paragraph after the title when a byline or date line follows it before the body starts."""
    if title_index is None:
        return None
    after = [run for run in runs if run[0].kept and run[0].index > title_index]
    if len(after) < 2 or word_count(" ".join(line.text for line in after[0])) > _MAX_WORDS:
        return None
    between = lines[after[0][-1].index + 1 : after[1][0].index]
    return after[0] if any(line.reason in _AUTHORSHIP for line in between) else None
