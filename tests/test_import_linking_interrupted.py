"""Ctrl-C while an import's events are linked to other sources' happenings: the linking runs after the
file's transaction committed (db/store/intake.py), so the file is in. The CLI says so, not "Nothing was
imported", and the next import links the events left queued."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.store import facade, intake
from sitroom.tui.cli.main import main

from .test_bulk_import import write_acled


def _count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_ctrl_c_while_linking_says_the_file_was_imported(db_path: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    before = _count(db_path, "SELECT count(*) FROM events")
    queued = _count(db_path, "SELECT count(*) FROM link_queue")
    file = write_acled(tmp_path / "a.csv", 300, seed=11)
    linking = facade.link_queued

    def interrupted(conn: sqlite3.Connection) -> object:
        linking(conn)  # the linking done, then taken back by Ctrl-C as its transaction ends
        raise KeyboardInterrupt

    monkeypatch.setattr(facade, "link_queued", interrupted)
    code = main(["import", str(file), "--db", str(db_path)])
    said = capsys.readouterr()
    assert code == 0
    assert "Nothing was imported" not in said.err
    text = " ".join(said.err.split())
    assert ("a.csv: interrupted while its events were being linked to other sources' reports. The file was "
            "imported; its events will be linked at the next import.") in text
    assert "events added" in said.out and "300" in said.out
    assert _count(db_path, "SELECT count(*) FROM events") == before + 300
    assert _count(db_path, "SELECT count(*) FROM link_queue") == queued + 300  # waiting for the next import

    monkeypatch.undo()
    store = Store(db_path)
    try:
        report = store.import_file(file)  # the same file: nothing new, but the queue is linked
    finally:
        store.close()
    assert report.counts.unchanged == 300
    assert _count(db_path, "SELECT count(*) FROM link_queue") == 0


def test_ctrl_c_before_the_commit_still_says_nothing_was_imported(db_path: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys) -> None:
    before = _count(db_path, "SELECT count(*) FROM events")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(intake, "after_import", interrupted)  # inside the file's transaction
    assert main(["import", str(write_acled(tmp_path / "b.csv", 300, seed=12)), "--db", str(db_path)]) == 2
    assert "b.csv: interrupted. Nothing was imported; the store is as it was." in \
        " ".join(capsys.readouterr().err.split())
    assert _count(db_path, "SELECT count(*) FROM events") == before
