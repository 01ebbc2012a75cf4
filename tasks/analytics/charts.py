"""Charts for the HTML report, as inline PNG data URIs so the report needs no other file.

Figures are drawn with matplotlib's Agg canvas directly (no pyplot, no display). Labels come from the data, so math
text is off: a `$` in a publisher's name stays a `$`.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib
from matplotlib.figure import Figure

INK, ACCENT, WARN = "#1f2933", "#2f6fba", "#c2410c"
STYLE = {"text.parse_math": False, "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}


@contextmanager
def _axes(width: float, height: float) -> Iterator:
    with matplotlib.rc_context(STYLE):
        yield Figure(figsize=(width, height)).subplots()


def _data_uri(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def bar_chart(labels: Sequence[str], values: Sequence[float], xlabel: str) -> str:
    """Horizontal bars, largest first at the top; negative values (tone) in the warning colour."""
    with _axes(7, 0.35 * len(labels) + 1) as axes:
        positions = range(len(labels))[::-1]
        axes.barh(list(positions), values, color=[WARN if v < 0 else ACCENT for v in values])
        axes.set_yticks(list(positions), [str(label)[:40] for label in labels])
        axes.set_xlabel(xlabel, color=INK)
        axes.axvline(0, color=INK, linewidth=0.8)
        return _data_uri(axes.figure)


def run_chart(runs: Sequence[str], passed: Sequence[int], failed: Sequence[int]) -> str:
    """Suites passed and failed per run, oldest run on the left."""
    with _axes(7, 3) as axes:
        axes.set_xlim(-0.5, max(len(runs), 5) - 0.5)  # one run draws one bar, not a wall
        axes.bar(runs, passed, color=ACCENT, label="suites passed")
        axes.bar(runs, failed, bottom=passed, color=WARN, label="suites failed")
        axes.set_ylabel("suites", color=INK)
        axes.tick_params(axis="x", labelrotation=30)
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
        return _data_uri(axes.figure)
