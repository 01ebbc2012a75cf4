"""Article text is inert wherever newsdesk renders it: GX Data Docs, Prefect artifacts, query views."""

from __future__ import annotations

from flows.artifacts import md
from tasks.quality.gate import QualityGate
from tasks.settings import PROJECT_ROOT
from tests.quality.test_suites import frame

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>[click](http://198.51.100.7/)'


def test_data_docs_never_contain_the_failing_values(tmp_path):
    gate = QualityGate(PROJECT_ROOT / "expectations", tmp_path)
    outcome = gate.validate("clean", "removed_segments", frame("removed_segments", reason=HOSTILE))
    assert not outcome.success
    gate.build_docs()
    pages = [p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.suffix in {".html", ".json"}]
    assert pages and not any("alert(" in page for page in pages)


def test_markdown_artifacts_escape_html_links_and_formatting():
    rendered = md(HOSTILE + "\n**bold** | cell")
    assert "<" not in rendered and ">" not in rendered
    assert "](" not in rendered and "**" not in rendered and "\n" not in rendered
    assert "\\|" in rendered
