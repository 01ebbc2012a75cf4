"""The HTML report: self-contained, escaped, and drawn by a real headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from flows.cli import main
from tasks.analytics.report import Section, section_html
from tests.headless_chromium import CHROMIUM, MISSING, chromium

HEADINGS = ["Top entities", "Top speakers", "Tone by publisher", "Duplicate clusters", "Quality over the last"]


@pytest.fixture(scope="module")
def report(warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    with pytest.raises(SystemExit) as done:
        main(["report", "--warehouse", str(warehouse), "--out", str(out)])
    assert done.value.code == 0
    return out / "index.html"


def test_the_report_has_every_section_and_its_charts_inline(report):
    page = report.read_text()
    for heading in HEADINGS:
        assert f"<h2>{heading}" in page
    charts = re.findall(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{500,}"', page)
    assert len(charts) == 4  # entities, speakers, tone, quality runs
    assert "syndicated" not in page and "No story was published more than once" not in page


def test_the_report_loads_nothing_from_outside_and_runs_no_script(report):
    page = report.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<script" not in page and "@import" not in page and "url(" not in page


def test_strings_from_the_data_are_escaped(report):
    page = report.read_text()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Wire" in page


def test_a_section_escapes_every_cell_and_joins_lists():
    frame = pd.DataFrame({"title": ["<img src=x onerror=alert(1)>"], "publishers": [["A&B", "<i>C</i>"]]})
    rendered = section_html(Section("Clusters <b>", frame, "none"))
    assert "<img" not in rendered and "<i>" not in rendered and "<b>" not in rendered
    assert "A&amp;B, &lt;i&gt;C&lt;/i&gt;" in rendered


@pytest.mark.skipif(CHROMIUM is None, reason=MISSING)
def test_headless_chromium_draws_the_report(report, tmp_path):
    shot = tmp_path / "report.png"
    done = chromium(f"--screenshot={shot}", report.as_uri(), user_data=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    non_white = sum(n for n, rgb in colours if rgb != (255, 255, 255)) / (image.width * image.height)
    accent = sum(n for n, rgb in colours if rgb == (0x2F, 0x6F, 0xBA))
    assert len(colours) > 100, "the page looks blank"
    assert non_white > 0.05
    assert accent > 2000, "no chart bars in the accent colour were drawn"
