"""Which files a run reads: recursion, hidden files, and links that must not be followed out of the input."""

from __future__ import annotations

import os

from tasks.ingest.discover import discover_files
from tasks.ingest.rejection import Rejection


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found = list(discover_files([tmp_path]))
    assert [p.name for p in found] == ["1.txt", "2.txt"]


def test_links_out_of_the_folder_dangling_or_looping_are_refused(tmp_path):
    inbox, outside = tmp_path / "inbox", tmp_path / "secret.txt"
    inbox.mkdir()
    outside.write_text("private")
    (inbox / "real.txt").write_text("x")
    os.symlink(outside, inbox / "escape.txt")
    os.symlink(inbox / "missing.txt", inbox / "dangling.txt")
    os.symlink(inbox / "loop.txt", inbox / "loop.txt")
    os.symlink(inbox / "real.txt", inbox / "alias.txt")
    items = list(discover_files([inbox]))
    reasons = sorted(i.reason for i in items if isinstance(i, Rejection))
    files = [i for i in items if not isinstance(i, Rejection)]
    assert reasons == ["broken_link", "broken_link", "link_outside_input"]
    assert [f.name for f in files] == ["real.txt"]
