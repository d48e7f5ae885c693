"""A faction an import makes takes its bloc from the highest actor code its rows give it
(write/resolve.py code_rank), whichever row comes first: an associated actor (no code) becomes a militia
when a later row codes it 4; a country's forces coded 8 abroad (external) are state forces once a row of
their own country codes them 1. Every event's side and the tallies follow the bloc the faction ends the
import with, whether the import wrote in bulk, in a process of its own, or row by row."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.files import importing, preparing, worker
from sitroom.db.files.formats import acled
from sitroom.db.files.formats.common import Context
from sitroom.db.loader import prepare_event, write_events
from sitroom.db.reference import read_reference
from sitroom.db.write.resolve import Resolver

from .test_bulk_import import assert_exact, imported

FILE = Path(__file__).parent / "fixtures" / "acled_codes_later.csv"
BLOCS = {"Muslim Group (India)": "militias", "Hindu Group (India)": "militias",  # assoc first, 4 later
         "Military Forces of Pakistan (2018-)": "government",  # 8, then 1, then 8 again
         "Military Forces of Pakistan": "government"}  # the force made for the era
SIDES = {"IND41": "protesters", "IND42": "militias", "AFG51": "government", "PAK61": "government",
         "AFG52": "government"}


@pytest.fixture(autouse=True)
def row_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparing, "BATCH", 1)  # each row staged before the next is resolved


def _outcome(path: Path) -> tuple[dict, dict]:
    conn = sqlite3.connect(path)
    try:
        blocs = dict(conn.execute("SELECT name, bloc FROM factions"))
        return ({name: blocs[name] for name in BLOCS},
                dict(conn.execute("SELECT source_event_id, side FROM events")))
    finally:
        conn.close()


@pytest.mark.parametrize("fork", [False, True])
def test_a_file_import_ends_with_the_highest_codes_bloc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fork: bool) -> None:
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    forked: list[bool] = []
    monkeypatch.setattr(worker, "WORKER_FROM", 0 if fork else 10**9)
    monkeypatch.setattr(importing, "can_fork",
                        lambda lines: forked.append(worker.can_fork(lines)) or forked[-1])
    report = imported(path, FILE)
    assert (report.counts.added, report.bad, forked) == (5, [], [fork])
    assert _outcome(path) == (BLOCS, SIDES)
    assert_exact(path)  # sides, keys and tallies equal a rebuild's


def test_row_by_row_the_triggers_follow_the_new_bloc(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    store = Store(path)
    conn = store.db.conn
    with FILE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with conn:
        resolver, context = Resolver(conn, read_reference(conn)), Context()
        for row in rows:  # each event written before the next row is resolved
            prepared = prepare_event(acled.to_record(row, resolver, context), resolver.ref)
            resolver.keep()
            write_events(conn, [prepared])
    store.close()
    assert _outcome(path) == (BLOCS, SIDES)
    assert_exact(path)


def test_a_failed_row_takes_its_upgrade_back(fresh: Store, tmp_path: Path) -> None:
    lines = FILE.read_text(encoding="utf-8").splitlines()
    bad = lines[4].replace("33.0000,70.0700", "33.0000,north")  # PAK61, the row coding the forces 1
    file = tmp_path / "bad.csv"
    file.write_text("\n".join([*lines[:4], bad, lines[5]]) + "\n", encoding="utf-8")
    report = fresh.import_file(file)
    assert [b.line for b in report.bad] == [5]
    blocs = dict(fresh.db.execute("SELECT name, bloc FROM factions"))
    assert blocs["Military Forces of Pakistan (2018-)"] == blocs["Military Forces of Pakistan"] == "other"
    assert blocs["Muslim Group (India)"] == "militias"
