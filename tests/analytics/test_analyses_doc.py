"""Every example in docs/analyses.md runs against a seeded warehouse and answers with rows."""

from __future__ import annotations

import re

import pytest

from tasks.settings import PROJECT_ROOT
from tasks.warehouse.query import connect

DOC = PROJECT_ROOT / "docs" / "analyses.md"
BLOCKS = re.findall(r"^```(sql|python)\n(.*?)^```", DOC.read_text(), flags=re.S | re.M)


def test_the_doc_has_sql_and_python_examples():
    languages = [language for language, _ in BLOCKS]
    assert languages.count("sql") >= 5 and languages.count("python") >= 3


@pytest.mark.parametrize(("language", "code"), BLOCKS, ids=[f"{i}-{lang}" for i, (lang, _) in enumerate(BLOCKS)])
def test_example_runs_and_returns_rows(language, code, warehouse, monkeypatch):
    monkeypatch.chdir(warehouse.parent)  # the examples name the folder `warehouse/`, as a user's would
    if language == "sql":
        with connect(warehouse) as con:
            assert con.sql(code).fetchall()
    else:
        scope: dict = {}
        exec(compile(code, str(DOC), "exec"), scope)
        assert len(scope["result"]) > 0
