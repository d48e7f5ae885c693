"""Ctrl-C after a file's rows are written but while its events are put on their fronts (db/fronts/) takes
the whole file back: the fronts' step is part of the file's one transaction, so no event is left on the
front its box alone gave it, and no division front is left made for events that are not there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.fronts import assign

from .test_bulk_import import assert_exact, derived, schema_of, write_acled


def _state(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return (schema_of(conn), derived(conn), *(conn.execute(sql).fetchall() for sql in (
            "SELECT count(*) FROM events", "SELECT id, front FROM events ORDER BY id",
            "SELECT slug, name, kind FROM fronts ORDER BY slug", "SELECT id, front FROM places ORDER BY id",
            "SELECT count(*) FROM link_queue")))
    finally:
        conn.close()


def _in_idlib(i: int, row: list) -> list:
    if i % 3 == 0:  # Saraqib, Idlib: outside every bundled front's area, so a division front is made
        row[18], row[21], row[22], row[23] = "Idlib", "Saraqib", "35.8623", "36.8036"
    return row


@pytest.mark.parametrize("rows", [600, 25_000])  # prepared in this process, and in a second one
def test_ctrl_c_while_the_events_go_onto_their_fronts_leaves_the_store_as_it_was(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    before = _state(db_path)
    file = write_acled(tmp_path / "a.csv", rows, seed=7, edit=_in_idlib)
    reached = []

    def interrupted(*args: object) -> None:  # once the events have moved and the division front is made
        reached.append(True)
        raise KeyboardInterrupt

    monkeypatch.setattr(assign, "_place_fronts", interrupted)
    store = Store(db_path)
    try:
        with pytest.raises(KeyboardInterrupt):
            store.import_file(file)
    finally:
        store.close()
    assert reached
    assert _state(db_path) == before
    assert_exact(db_path)

    monkeypatch.undo()  # the same file again, not interrupted: it lands, on the fronts the rules give
    store = Store(db_path)
    try:
        report = store.import_file(file)
    finally:
        store.close()
    assert report.counts.added == rows and "Idlib" in report.new_fronts
    conn = sqlite3.connect(db_path)
    on_idlib = conn.execute("SELECT count(*) FROM events e JOIN fronts f ON f.slug = e.front "
                            "WHERE e.admin1 = 'Idlib' AND f.name = 'Idlib'").fetchone()[0]
    assert on_idlib == len(range(0, rows, 3))
    conn.close()
    assert_exact(db_path)
