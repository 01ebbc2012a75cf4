"""Progress bars for a long run, one per batched stage, when a person watches the terminal.

Logs and CI captures get the per-batch log lines instead (flows/batches.py), so nothing here writes unless the
command line turned the bars on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

_active: list[Progress] = []
"""The bars being shown; module-wide because the flow may run its body in another thread than the command."""


@contextmanager
def progress_bars(console: Console) -> Iterator[Progress | None]:
    """Show stage bars on `console` while the block runs, if it is a terminal."""
    if not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description:<8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("batches"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as bars:
        _active.append(bars)
        try:
            yield bars
        finally:
            _active.remove(bars)


class StageProgress:
    """The bar of one stage; a no-op when no bars are shown."""

    def __init__(self, stage: str, batches: int):
        self._bars = _active[-1] if _active else None
        self._task = self._bars.add_task(stage, total=batches) if self._bars is not None else None

    def advance(self) -> None:
        if self._bars is not None:
            self._bars.advance(self._task)
