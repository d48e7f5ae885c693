"""Ctrl-C during `sitroom ingest`: the report's events and their fronts are one transaction, so Ctrl-C
before it commits leaves the store as it was (and says so); Ctrl-C while its events are linked to other
sources' happenings, after the commit, says the report is in and its events are linked at the next
import or ingest (as `sitroom import` does: test_import_linking_interrupted.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.fronts import assign
from sitroom.db.reports import ingest
from sitroom.db.store import facade
from sitroom.tui.cli.main import main

from .test_bulk_import import assert_exact, derived, schema_of

# Tal Abyad is a GeoNames place: the ingest adds it to the store's places, on a front of its own
REPORT = ("Syria – 1 July 2017\n\n"
          "The SAA captured Tal (Hill) Abyad on the Syrian–Iraqi road — a “strategic” hill.\n"
          "ISIS fighters attacked the SAA in Resafa,\u00a0activists said.\n"
          "The SDF’s units shelled Jobar.\n")
DATE = "2017-07-01"


def _state(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return (schema_of(conn), derived(conn), *(conn.execute(sql).fetchall() for sql in (
            "SELECT id, front, excerpt FROM events ORDER BY id",
            "SELECT slug, name, kind FROM fronts ORDER BY slug",
            "SELECT id, name, front FROM places ORDER BY id", "SELECT * FROM sources ORDER BY id",
            "SELECT source, text FROM reports ORDER BY source", "SELECT count(*) FROM link_queue")))
    finally:
        conn.close()


def _count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", [
    (ingest, "extract"),  # reading the report, before the transaction
    (ingest, "keep_text"),  # the events written, the report's text not yet
    (assign, "_place_fronts"),  # the events written, while they go onto their fronts
])
def test_ctrl_c_before_the_commit_leaves_the_store_as_it_was(db_path: Path, tmp_path: Path, capsys,
                                                           monkeypatch: pytest.MonkeyPatch, where) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")
    before = _state(db_path)
    monkeypatch.setattr(*where, _interrupt)
    assert main(["ingest", str(file), "--db", str(db_path), "--date", DATE]) == 2
    assert "report.txt: interrupted. Nothing was added; the store is as it was." in \
        " ".join(capsys.readouterr().err.split())
    assert _state(db_path) == before
    assert_exact(db_path)

    monkeypatch.undo()  # the same report again, not interrupted: it lands, on its fronts
    assert main(["ingest", str(file), "--db", str(db_path), "--date", DATE]) == 0
    assert _count(db_path, "SELECT count(*) FROM events WHERE source LIKE 'report-%'") == 3
    assert _count(db_path, "SELECT count(*) FROM events WHERE front IS NULL") == 0
    assert_exact(db_path)


def test_ctrl_c_before_the_commit_leaves_no_store_made_for_it(tmp_path: Path, capsys,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    file, path = tmp_path / "report.txt", tmp_path / "new.db"
    file.write_text(REPORT, encoding="utf-8")
    monkeypatch.setattr(assign, "_place_fronts", _interrupt)
    assert main(["ingest", str(file), "--db", str(path), "--date", DATE]) == 2
    assert "Nothing was added" in capsys.readouterr().err
    assert not path.exists() and not list(tmp_path.glob("new.db*"))


def test_the_fronts_are_in_the_reports_transaction(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Store.ingest itself: the events come back with the fronts' step, not after it."""
    before = _state(db_path)
    reached: list[bool] = []
    placing = assign._place_fronts

    def interrupted(*args: object) -> None:  # once the events have moved onto their fronts
        placing(*args)
        reached.append(True)
        raise KeyboardInterrupt

    monkeypatch.setattr(assign, "_place_fronts", interrupted)
    store = Store(db_path)
    try:
        with pytest.raises(KeyboardInterrupt) as stop:
            store.ingest(REPORT, date=DATE)
    finally:
        store.close()
    assert reached and getattr(stop.value, "report", None) is None
    assert _state(db_path) == before


def test_ctrl_c_while_linking_says_the_report_was_ingested(db_path: Path, tmp_path: Path, capsys,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "report.txt"
    file.write_text(REPORT, encoding="utf-8")
    queued = _count(db_path, "SELECT count(*) FROM link_queue")
    linking = facade.link_queued

    def interrupted(conn: sqlite3.Connection) -> object:
        linking(conn)  # the linking done, then taken back by Ctrl-C as its transaction ends
        raise KeyboardInterrupt

    monkeypatch.setattr(facade, "link_queued", interrupted)
    assert main(["ingest", str(file), "--db", str(db_path), "--date", DATE]) == 0
    said = capsys.readouterr()
    assert "Nothing was added" not in said.err
    assert ("report.txt: interrupted while its events were being linked to other sources' reports. The "
            "report was ingested; its events will be linked at the next import or ingest.") in \
        " ".join(said.err.split())
    assert "3 events added" in " ".join(said.out.split())
    assert _count(db_path, "SELECT count(*) FROM events WHERE source LIKE 'report-%'") == 3
    assert _count(db_path, "SELECT count(*) FROM events WHERE front IS NULL") == 0  # on their fronts
    assert _count(db_path, "SELECT count(*) FROM link_queue") == queued + 3  # waiting for the next one

    monkeypatch.undo()
    store = Store(db_path)
    try:
        again = store.ingest(REPORT, date=DATE)  # the same report: nothing new, but the queue is linked
    finally:
        store.close()
    assert again.counts.unchanged == 3
    assert _count(db_path, "SELECT count(*) FROM link_queue") == 0
    assert_exact(db_path)
