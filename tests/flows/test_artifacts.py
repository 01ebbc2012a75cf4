"""The run summary the Prefect UI shows: this run's rows only, read from the published warehouse."""

from __future__ import annotations

from flows.artifacts import md, summary_markdown
from flows.pipeline import RunSummary
from flows.run_context import StageReport
from tasks.quality.gate import FailingRow, ValidationOutcome
from tasks.warehouse.snapshot import Snapshot


def _summary(warehouse, run_id: str) -> str:
    return summary_markdown(RunSummary(run_id, "published", warehouse, warehouse / "reports"))


def test_the_summary_counts_the_runs_articles_and_names_its_top_entities(seeded_warehouse):
    snapshot = Snapshot(seeded_warehouse)
    run_id = snapshot.read("runs")["run_id"].iloc[0]
    top_name = (
        snapshot.read("entities")
        .set_index("entity_id")
        .at[snapshot.read("mentions")["entity_id"].value_counts().index[0], "name"]
    )

    markdown = _summary(seeded_warehouse, run_id)

    assert f"**{len(snapshot.read('articles'))}** new articles" in markdown
    assert "## Top entities" in markdown and "## Top speakers" in markdown
    assert f"| {md(top_name)} |" in markdown


def test_another_runs_summary_shows_none_of_these_rows(seeded_warehouse):
    markdown = _summary(seeded_warehouse, "another-run")

    assert "**0** new articles, **0** copies" in markdown
    assert "## Top entities" not in markdown and "## Quarantined" not in markdown


def test_the_summary_says_how_many_rows_each_stages_suites_quarantined_and_where_they_are(seeded_warehouse, tmp_path):
    bad = FailingRow(("0123456789abcdef", "3"), "expect_column_value_lengths_to_be_between(text)", "Home News")
    outcome = ValidationOutcome("enrich", "mentions", True, 14, 0, [], 900, tmp_path / "r.json", ["x"], (bad,))
    summary = RunSummary("run-1", "published", seeded_warehouse, tmp_path, [StageReport("enrich", 5, 5)], [outcome])

    markdown = summary_markdown(summary)

    assert "| 1/1 passed, 1 row quarantined |" in markdown
    assert "**1 row** broke row-level expectations" in markdown and "from quarantine where run_id = 'run-1'" in markdown
