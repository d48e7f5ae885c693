"""`sitroom import --strict` that rejects a file says nothing was added (it listed the factions, places
and fronts of the rolled-back rows as new); `sitroom export --help` says "-" is standard output."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db.files.importing import import_file
from sitroom.tui.cli import main

from .test_import_trial_files import _cut, _store


def test_a_rejected_file_reports_no_new_factions_places_or_fronts(tmp_path: Path, capsys) -> None:
    db = _store(tmp_path)
    assert main(["import", str(_cut(tmp_path)), "--strict", "--db", str(db)]) == 2
    said = capsys.readouterr()
    assert "new factions" not in said.out and "new places" not in said.out and "new fronts" not in said.out
    assert "nothing was added (no event, faction, place or front); the store is unchanged" in said.err
    with sqlite3.connect(db, isolation_level=None) as conn:
        report = import_file(conn, _cut(tmp_path), strict=True)
        assert report.rejected
        assert (report.new_factions, report.new_places, report.new_fronts) == ([], [], [])
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_export_help_says_a_dash_is_standard_output(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert '--output FILE, -o FILE the file to write; "-" (or none given) means standard output' in text
