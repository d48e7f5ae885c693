"""Bulk imports (db/write/bulk.py) set the triggers aside and keep the derived tables and the full-text
index set-based: after every kind of import they equal a rebuild from scratch, the text index passes
SQLite's own integrity check, and the schema (triggers, indexes) is as it was."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.files import preparing
from sitroom.db.files.importing import import_file
from sitroom.db.write.derived import Derived

from .helpers import bench_module
from .test_tallies import derived

make_acled = bench_module("make_acled")


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparing, "BATCH", 300)  # several batches even for a small file


def write_acled(path: Path, n: int, seed: int, edit=None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(make_acled.HEADER)
        for i, row in enumerate(make_acled.rows(n, seed=seed)):
            row[0] = f"SYR{seed}-{i}"  # ids of their own per seed
            writer.writerow(edit(i, row) if edit else row)
    return path


def schema_of(conn: sqlite3.Connection) -> list[tuple]:
    return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master"))


def assert_exact(path: Path) -> None:
    """Derived tables equal a rebuild, the text index is sound and finds what the events say."""
    conn = sqlite3.connect(path)
    schema = schema_of(conn)
    kept = derived(conn)
    conn.execute("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)")
    indexed = conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'attacked'").fetchone()[0]
    said = conn.execute("SELECT count(*) FROM events WHERE summary LIKE '%attacked%' "
                        "OR excerpt LIKE '%attacked%'").fetchone()[0]
    assert indexed == said
    from sitroom.db import tallies

    with conn:
        tallies.rebuild(conn)
    assert derived(conn) == kept
    assert schema_of(conn) == schema  # every trigger and index is back
    conn.close()


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    create_store(path, bundled=False)
    return path


def imported(path: Path, file: Path, **kwargs):
    store = Store(path)
    try:
        return import_file(store.db.conn, file, **kwargs)
    finally:
        store.close()


def test_into_a_new_store(empty: Path, tmp_path: Path) -> None:
    report = imported(empty, write_acled(tmp_path / "a.csv", 1500, seed=1))
    assert (report.counts.added, report.bad) == (1500, [])
    assert_exact(empty)


def test_tallies_written_as_they_pile_up(empty: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A long file's tallies are written out several times during its import (derived.HELD):
    added together they are a rebuild's, in a new store and into one that holds the same buckets."""
    monkeypatch.setattr("sitroom.db.write.derived.HELD", 40)
    written = []
    real = Derived.write
    monkeypatch.setattr(Derived, "write", lambda self: (written.append(len(self.tallies)), real(self)))
    report = imported(empty, write_acled(tmp_path / "a.csv", 1500, seed=1))
    assert (report.counts.added, report.bad) == (1500, [])
    assert len(written) > 3 and max(written) < 1500
    assert_exact(empty)
    imported(empty, write_acled(tmp_path / "b.csv", 1200, seed=2))
    assert_exact(empty)


def test_into_an_existing_store_and_again(db_path: Path, tmp_path: Path) -> None:
    big = write_acled(tmp_path / "big.csv", 1500, seed=1)
    assert imported(db_path, big).counts.added == 1500  # larger than the store: indexes set aside
    small = write_acled(tmp_path / "small.csv", 400, seed=2)
    assert imported(db_path, small).counts.added == 400  # smaller: indexes kept
    assert_exact(db_path)
    again = imported(db_path, big)
    assert (again.counts.added, again.counts.updated, again.counts.unchanged) == (0, 0, 1500)
    assert_exact(db_path)


def test_an_import_with_updates(db_path: Path, tmp_path: Path) -> None:
    imported(db_path, write_acled(tmp_path / "a.csv", 1200, seed=1))

    def edit(i: int, row: list) -> list:
        if i % 3 == 0:
            row[1] = "02 July 2019"  # another month
        if i % 5 == 0:
            row[7], row[10] = "Islamic State (Syria)", "Tiger Forces"  # other parties, another side
        if i % 7 == 0:
            row[27] = f"Reportedly a new account of event {i}."  # other text, other certainty
        return row

    report = imported(db_path, write_acled(tmp_path / "b.csv", 1200, seed=1, edit=edit))
    assert report.counts.updated > 500
    assert report.counts.added == 0
    assert_exact(db_path)


def test_repeats_and_bad_rows_are_named_in_line_order(empty: Path, tmp_path: Path) -> None:
    path = write_acled(tmp_path / "a.csv", 700, seed=1)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[650] = lines[2]  # a repeat of line 3, in a later batch
    lines[5] = lines[5].replace("Syria,", "Syria,", 1).replace(",1618941337", ",1618941337,extra")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = imported(empty, path)
    assert [(b.line, b.reason) for b in report.bad] == [
        (6, "has 32 fields, the header has 31"), (651, "repeats the event on line 3")]
    assert report.counts.added == 698
    assert_exact(empty)


def test_strict_and_interrupted_imports_leave_the_store_as_it_was(db_path: Path, tmp_path: Path) -> None:
    imported(db_path, write_acled(tmp_path / "a.csv", 500, seed=1))
    conn = sqlite3.connect(db_path)
    before = (schema_of(conn), derived(conn), conn.execute("SELECT count(*) FROM events").fetchone())
    conn.close()
    bad = write_acled(tmp_path / "b.csv", 900, seed=2, edit=lambda i, r: r if i != 800 else [*r[:1], "x"])
    assert imported(db_path, bad, strict=True).rejected

    def interrupt(done: int, total: int) -> None:
        if done < total:  # mid-file (the bar is told every 500 rows)
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        imported(db_path, write_acled(tmp_path / "c.csv", 900, seed=3), progress=interrupt)
    conn = sqlite3.connect(db_path)
    assert (schema_of(conn), derived(conn), conn.execute("SELECT count(*) FROM events").fetchone()) == before
    conn.close()
    assert_exact(db_path)


def test_fronts_after_an_import_are_those_reassigning_every_event_gives(db_path: Path,
                                                                       tmp_path: Path) -> None:
    # Store.import_file reassigns only the events it wrote (their rowids): the store must be as if every
    # event had been reassigned, a division front made for the file included.
    def edit(i: int, row: list) -> list:
        if i % 4 == 0:  # Saraqib, Idlib: outside every bundled front's area
            row[18], row[21], row[22], row[23] = "Idlib", "Saraqib", "35.8623", "36.8036"
        return row

    store = Store(db_path)
    report = store.import_file(write_acled(tmp_path / "a.csv", 600, seed=4, edit=edit))
    store.close()
    assert report.counts.added == 600 and "Idlib" in report.new_fronts

    def state(conn: sqlite3.Connection) -> tuple:
        return tuple(conn.execute(sql).fetchall() for sql in (
            "SELECT id, front FROM events ORDER BY id", "SELECT id, front FROM places ORDER BY id",
            "SELECT slug, name, kind FROM fronts ORDER BY slug",
            "SELECT * FROM tallies ORDER BY 1, 2, 3, 4, 5, 6, 7"))

    from sitroom.db.fronts import reassign

    conn = sqlite3.connect(db_path)
    before = state(conn)
    with conn:
        assert reassign(conn).moved == 0
    assert state(conn) == before
    conn.close()
    assert_exact(db_path)
