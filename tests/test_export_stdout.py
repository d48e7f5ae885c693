"""`sitroom export -o -` writes to standard output, as `-` means to nearly every command-line tool, and
what an export prints there is cleaned like everything shown: no escape sequence reaches the terminal,
even from a store written by other means than sitroom's importers."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.tui.cli import main

RAW = ("\x1b", "\x07", "\x9b", "\x9d", "\x90", "\u202e", "\u2066")


def test_dash_is_standard_output_not_a_file_named_dash(db_path: Path, tmp_path: Path, capsys,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", str(db_path), "export", "--format", "jsonl", "-o", "-"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 24 and all(json.loads(line)["id"] for line in printed)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "geojson", "markdown"])
def test_what_an_export_prints_holds_no_escape(db_path: Path, tmp_path: Path, capsys, fmt: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with sqlite3.connect(db_path) as conn:  # written by hand, not by an import that would clean it
        conn.execute("UPDATE events SET summary = ? WHERE id = (SELECT min(id) FROM events)",
                     ("Jobar \x1b]52;c;Y2xpcA==\x07shelled\x9b31m \u202eagain\x1b[2J",))
    assert main(["--db", str(db_path), "export", "--format", fmt, "-o", "-"]) == 0
    printed = capsys.readouterr().out
    assert not [c for c in RAW if c in printed]
    assert "Jobar shelled" in printed
    if fmt == "csv":  # the rows and their fields as they were
        assert len(list(csv.reader(io.StringIO(printed)))) == 25
    if fmt == "geojson":
        assert len(json.loads(printed)["features"]) > 0
