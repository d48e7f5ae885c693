"""Re-imports skip the rows the store read before, unchanged (db/write/fingerprints.py): a skipped row
gives exactly what preparing it again would, and anything preparing depends on (the reference, the
options, another writer of the event) makes the rows be prepared again."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db.files import importing, preparing
from sitroom.db.loader import prepare_event, write_events
from sitroom.db.reference import read_reference

from .test_bulk_import import assert_exact, empty, imported, small_batches, write_acled

__all__ = ["empty", "small_batches"]  # fixtures shared with test_bulk_import


@pytest.fixture
def prepared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many rows the imports prepared (rows skipped by fingerprint are not)."""
    count = [0]
    real = preparing.prepare_row

    def counting(*args, **kwargs):
        count[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(preparing, "prepare_row", counting)
    return count


def counts(report) -> tuple[int, int, int]:
    return report.counts.added, report.counts.updated, report.counts.unchanged


def test_an_unchanged_file_is_not_prepared_again(empty: Path, tmp_path: Path, prepared: list[int]) -> None:
    file = write_acled(tmp_path / "a.csv", 900, seed=1)
    assert counts(imported(empty, file)) == (900, 0, 0)
    assert prepared[0] == 900
    again = imported(empty, file)
    assert (counts(again), again.bad, prepared[0]) == ((0, 0, 900), [], 900)
    assert_exact(empty)


def test_changed_rows_are_prepared_and_the_derived_tables_stay_exact(db_path: Path, tmp_path: Path,
                                                                     prepared: list[int]) -> None:
    imported(db_path, write_acled(tmp_path / "a.csv", 900, seed=1))

    def edit(i: int, row: list) -> list:
        if i % 4 == 0:
            row[1], row[7] = "02 July 2019", "Islamic State (Syria)"  # another month, other parties
        if i % 9 == 0:
            row[27] = f"Reportedly a new account of event {i}."  # other text, other certainty
        return row

    prepared[0] = 0
    report = imported(db_path, write_acled(tmp_path / "b.csv", 900, seed=1, edit=edit))
    changed = len([i for i in range(900) if i % 4 == 0 or i % 9 == 0])
    assert prepared[0] == changed  # only the changed rows
    assert report.counts.added == 0 and report.counts.updated + report.counts.unchanged == 900
    assert report.counts.updated > changed * 0.9
    assert_exact(db_path)
    # And back to the first file: its rows' fingerprints were replaced, so they are prepared again.
    prepared[0] = 0
    back = imported(db_path, tmp_path / "a.csv")
    assert prepared[0] == changed and back.counts.updated > changed * 0.9
    assert_exact(db_path)


def test_a_faction_alias_added_makes_every_row_prepared_again(db_path: Path, tmp_path: Path,
                                                              prepared: list[int]) -> None:
    file = write_acled(tmp_path / "a.csv", 600, seed=1)
    imported(db_path, file)
    conn = sqlite3.connect(db_path)
    slug, aliases = conn.execute("SELECT slug, aliases FROM factions ORDER BY slug LIMIT 1").fetchone()
    with conn:
        conn.execute("UPDATE factions SET aliases = ? WHERE slug = ?",
                     (json.dumps([*json.loads(aliases or "[]"), "A Name No Row Uses"]), slug))
    conn.close()
    prepared[0] = 0
    report = imported(db_path, file)
    assert prepared[0] == 600 and counts(report) == (0, 0, 600)
    prepared[0] = 0
    assert counts(imported(db_path, file)) == (0, 0, 600) and prepared[0] == 0  # settled again
    assert_exact(db_path)


def test_a_place_moved_is_seen_by_a_re_import(store, tmp_path: Path) -> None:
    # A JSON Lines record naming a gazetteer place takes the place's point: moving the place must reach
    # the event on the next import, never be skipped as unchanged.
    record = {"date": "2017-06-30", "front": "eastern-damascus", "place": "ayn-tarma",
              "certainty": "confirmed", "source": "swr-2017-06-30", "event_type": "clashes",
              "summary": "Clashes in Ayn Tarma."}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    conn = store.db.conn
    assert importing.import_file(conn, path).counts.added == 1
    with conn:
        conn.execute("UPDATE places SET lat = lat + 0.5 WHERE id = 'ayn-tarma'")
    report = importing.import_file(conn, path)
    assert counts(report) == (0, 1, 0)
    lat = conn.execute("SELECT lat FROM places WHERE id = 'ayn-tarma'").fetchone()[0]
    assert conn.execute("SELECT lat FROM events WHERE summary = 'Clashes in Ayn Tarma.'").fetchone()[0] == lat


def test_options_and_other_writers_make_rows_prepared_again(store, tmp_path: Path,
                                                            prepared: list[int]) -> None:
    record = {"date": "2017-06-30", "front": "raqqa", "certainty": "confirmed", "source": "swr-2017-06-30",
              "event_type": "clashes", "summary": "Clashes in Raqqa.", "id": "fp-1"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    conn = store.db.conn
    importing.import_file(conn, path)
    importing.import_file(conn, path, max_km=5)  # another option: prepared again
    assert prepared[0] == 2
    importing.import_file(conn, path, max_km=5)
    assert prepared[0] == 2
    # The event written by another path (an ingest, a bundled load) has no fingerprint any more.
    with conn:
        write_events(conn, [prepare_event({**record, "summary": "Said otherwise."}, read_reference(conn))])
    assert conn.execute("SELECT row_hash FROM events WHERE id = 'fp-1'").fetchone()[0] is None
    report = importing.import_file(conn, path, max_km=5)
    assert counts(report) == (0, 1, 0) and prepared[0] == 3
    assert conn.execute("SELECT summary FROM events WHERE id = 'fp-1'").fetchone()[0] == "Clashes in Raqqa."


def test_repeats_strict_and_numeric_dates_with_fingerprints(empty: Path, tmp_path: Path,
                                                            prepared: list[int]) -> None:
    path = write_acled(tmp_path / "a.csv", 700, seed=1)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[650] = lines[2]  # the same row again, in a later batch: a repeat, also when skipped
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = imported(empty, path)
    again = imported(empty, path)
    for report in (first, again):
        assert [(b.line, b.reason) for b in report.bad] == [(651, "repeats the event on line 3")]
    assert counts(again) == (0, 0, 699)
    # --strict: a bad row among skipped ones still rolls the whole file back.
    lines[100] = lines[100].replace(",1618941337", ",1618941337,extra")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert imported(empty, path, strict=True).rejected
    assert_exact(empty)
    # A date written with slashes means what the file's other dates settle: never skipped.
    numeric = write_acled(tmp_path / "n.csv", 50, seed=4, edit=lambda i, r: [*r[:1], "13/05/2019", *r[2:]])
    imported(empty, numeric)
    prepared[0] = 0
    assert counts(imported(empty, numeric)) == (0, 0, 50) and prepared[0] == 50
