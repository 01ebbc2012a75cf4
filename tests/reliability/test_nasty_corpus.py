"""A folder of nasty files through the whole pipeline: every one ends in articles or quarantine, with a reason."""

from __future__ import annotations

import gzip
import json
import os
import resource

from flows.pipeline import news_pipeline
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot

GOOD_TEXT = "Harbour reopens\n\nThe harbour authority said on Monday that the port would reopen after repairs."


def nasty_inbox(inbox, outside):
    inbox.mkdir()
    files = {
        "seed.txt": (PROJECT_ROOT / "seeds" / "001_26c8e3392d59d0ed.txt").read_bytes(),
        "empty.txt": b"",
        "nul.txt": b"Title\x00\x00\x00 body",
        "latin1.txt": GOOD_TEXT.replace("harbour", "Kärdla harbour").encode("cp1252"),
        "bad-utf8.txt": b"Title\n\n" + b"\xff\xfe\xfa broken " * 50,
        "script.html": (
            "<html><body><script>alert(1)</script><iframe src='http://198.51.100.7/'></iframe><article>"
            "<h1>Tram line extended</h1>"
            + "<p>The council voted to extend the tram line.</p>" * 6
            + "</article></body></html>"
        ).encode(),
        "nested.html": ("<div>" * 3000 + "text" + "</div>" * 3000).encode(),
        "feed.jsonl": "\n".join(
            [
                json.dumps({"text": GOOD_TEXT, "id": 1}),
                "{oops",
                json.dumps({"text": 5}),
                json.dumps({"html": "<p>" + "word " * 5_000_000 + "</p>"}),
            ]
        ).encode(),
        "bomb.txt.gz": gzip.compress(b"a" * 80_000_000),
        "odd name; rm -rf.txt": GOOD_TEXT.encode(),
        "report.pdf": b"%PDF-1.7",
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    outside.write_text(GOOD_TEXT)
    os.symlink(outside, inbox / "escape.txt")
    os.symlink(inbox / "missing.txt", inbox / "dangling.txt")
    return len(files) + 3 + 2  # feed.jsonl holds 4 records, not 1; and two links


def test_every_nasty_input_is_accounted_for_in_bounded_memory(prefect_api, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSDESK_MAX_FILE_BYTES", str(20 * 1024 * 1024))
    inputs = nasty_inbox(tmp_path / "inbox", tmp_path / "outside.txt")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    summary = news_pipeline([str(tmp_path / "inbox")], str(tmp_path / "warehouse"))

    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    snapshot = Snapshot(tmp_path / "warehouse")
    articles, quarantine = snapshot.read("articles"), snapshot.read("quarantine")
    counts = quarantine["reason"].value_counts().to_dict()
    with capsys.disabled():
        print(
            f"\nnasty corpus: {inputs} inputs, {len(articles)} articles, quarantined {counts}, "
            f"peak memory grew {grown:.0f} MB"
        )
    assert summary.status == "published"
    assert len(articles) + len(quarantine) == inputs
    assert quarantine["detail"].str.len().gt(10).all() and not quarantine["detail"].str.contains("\n").any()
    assert {
        "empty",
        "binary",
        "too_large",
        "malformed_json",
        "malformed_record",
        "unknown_extension",
        "link_outside_input",
        "broken_link",
    } <= set(counts)
    assert not articles["body"].str.contains("alert\\(").any()
    assert grown < 1500
