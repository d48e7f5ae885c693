"""A large file is prepared by another process while the importing one writes (db/files/worker.py):
the store it leaves is the one preparing in the same process leaves, bad rows are named the same, new
factions and places land once, and a strict or interrupted import leaves the store as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import create_store
from sitroom.db.files import importing, worker

from .test_bulk_import import assert_exact, imported, schema_of, small_batches, write_acled
from .test_tallies import derived

__all__ = ["small_batches"]  # several batches even for a small file


def _state(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(sql).fetchall() for sql in (
            "SELECT rowid, * FROM events ORDER BY rowid", "SELECT * FROM event_factions ORDER BY 1, 2, 3",
            "SELECT slug, name, short, parent, bloc FROM factions ORDER BY slug",
            "SELECT id, name, aliases, admin1, front FROM places ORDER BY id",
            "SELECT * FROM sources ORDER BY id",
            "SELECT * FROM tallies ORDER BY 1, 2, 3, 4, 5, 6, 7"))
    finally:
        conn.close()


def _edit(i: int, row: list) -> list:
    if i % 50 == 7:
        row[7] = f"Local militia {i % 3}"  # new factions, named again on later rows
    if i % 70 == 3:
        row[21], row[22], row[23] = f"Hamlet {i // 70 % 4}", "35.1", "38.2"  # new places
    if i == 400:
        row[22] = "north"  # a bad row
    return row


def test_prepared_in_another_process_as_in_this_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = write_acled(tmp_path / "a.csv", 1200, seed=5, edit=_edit)
    forked: list[bool] = []
    monkeypatch.setattr(importing, "can_fork",
                        lambda lines: forked.append(worker.can_fork(lines)) or forked[-1])
    stores = []
    for fork in (False, True):
        path = tmp_path / f"{fork}.db"
        create_store(path, bundled=False)
        monkeypatch.setattr(worker, "WORKER_FROM", 0 if fork else 10**9)
        report = imported(path, file)
        assert [(b.line, b.reason[:18]) for b in report.bad] == [(402, "latitude 'north' i")]
        assert report.counts.added == 1199
        assert len(report.new_factions) == 3 and len(report.new_places) == 4
        again = imported(path, file)  # fingerprints looked up by the other process too
        assert (again.counts.unchanged, again.counts.added, again.counts.updated) == (1199, 0, 0)
        assert_exact(path)
        stores.append(_state(path))
    assert stores[0] == stores[1]
    assert forked == [False, False, True, True]


def test_strict_and_interrupted_imports_leave_the_store_as_it_was(db_path: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "WORKER_FROM", 0)
    imported(db_path, write_acled(tmp_path / "a.csv", 500, seed=1))
    conn = sqlite3.connect(db_path)
    before = (schema_of(conn), derived(conn), conn.execute("SELECT count(*) FROM events").fetchone())
    conn.close()
    report = imported(db_path, write_acled(tmp_path / "b.csv", 900, seed=2, edit=_edit), strict=True)
    assert report.rejected

    def interrupt(done: int, total: int) -> None:
        if done < total:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        imported(db_path, write_acled(tmp_path / "c.csv", 900, seed=3), progress=interrupt)
    conn = sqlite3.connect(db_path)
    assert (schema_of(conn), derived(conn), conn.execute("SELECT count(*) FROM events").fetchone()) == before
    assert conn.execute("SELECT count(*) FROM factions WHERE name LIKE 'Local militia%'").fetchone() == (0,)
    conn.close()
    assert_exact(db_path)
