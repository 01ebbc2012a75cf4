"""warehouse/README.md is what the generator renders from tasks/schemas.py now."""

from __future__ import annotations

from tasks.analytics.table_docs import README, render
from tasks.analytics.views import VIEWS
from tasks.schemas import TABLES


def test_the_committed_readme_matches_the_schemas():
    assert README.read_text() == render(), "run `make docs` (python -m tasks.analytics.table_docs) and commit"


def test_every_table_column_and_view_is_documented():
    page = render()
    for table in TABLES.values():
        section = page.split(f"### `{table.name}`", 1)[1].split("###", 1)[0]
        assert all(f"| `{c.name}` |" in section for c in table.columns), table.name
    assert all(f"### `{name}`" in page for name in VIEWS)
    assert "read_parquet('warehouse/articles/**/*.parquet', hive_partitioning = true" in page
    assert "_newsdesk/current" in page
