"""One warehouse for every analytics test, from one run: the seeds, a syndicated copy of a seed and a JSONL record
whose title and publisher carry markup (to prove the report escapes what comes from the data)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flows.pipeline import news_pipeline
from tasks.settings import PROJECT_ROOT

COPIED_SEED = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[1]
WIRE_RECORD = (
    '{"id": "w1", "title": "Rates <b>hold</b> & \\"steady\\"", "publisher": "<script>alert(\'x\')</script> Wire", '
    '"text": "The central bank held rates at 4 percent on Thursday, saying inflation was easing but still above '
    'target. \\"We will stay the course,\\" Governor Anna Berzina said."}\n'
)


@pytest.fixture(scope="session")
def warehouse(prefect_api, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("analytics")
    inbox = root / "inbox"
    inbox.mkdir()
    shutil.copy(COPIED_SEED, inbox / "syndicated-copy.txt")
    (inbox / "wire.jsonl").write_text(WIRE_RECORD)
    warehouse = root / "warehouse"
    assert news_pipeline([str(PROJECT_ROOT / "seeds"), str(inbox)], str(warehouse)).status == "published"
    return warehouse
