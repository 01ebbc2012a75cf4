"""No cleaning pass may remove a whole article: a pass that would leave no line kept is undone, and why is noted."""

from __future__ import annotations

from tasks.clean.lines import Line


def kept_whole_note(pass_name: str) -> str:
    return f"{pass_name} would have left nothing: kept what the pass before it kept"


class PassGuard:
    """Remembers what each pass left, so that a pass which would take out every line is undone."""

    def __init__(self, lines: list[Line]):
        self._lines = lines
        self._saved = self._state()
        self.notes: list[str] = []

    def check(self, pass_name: str) -> None:
        """After a pass: undo it when no line is kept any more, else remember what it left."""
        if any(line.kept for line in self._lines) or not any(reason is None for reason, _, _ in self._saved):
            self._saved = self._state()
            return
        for line, (reason, text, cuts) in zip(self._lines, self._saved, strict=True):
            line.reason, line.text, line.cuts = reason, text, list(cuts)
        self.notes.append(kept_whole_note(pass_name))

    def _state(self) -> list[tuple[str | None, str, tuple]]:
        return [(line.reason, line.text, tuple(line.cuts)) for line in self._lines]
