"""The derived tables (db/tallies.py) stay equal to a recount from scratch after every kind of write."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

from sitroom.db import EventFilter, Store
from sitroom.db.files.importing import import_file
from sitroom.db.schema import EVENT_DATASET_COLUMNS, SCHEMA_VERSION, event_rowid
from sitroom.db.store import create_store

DATA = Path(__file__).parent / "data"


def derived(conn: sqlite3.Connection) -> tuple[list, ...]:
    return (
        sorted(conn.execute("SELECT id, side FROM events")),
        sorted(conn.execute("SELECT * FROM faction_ancestors")),
        sorted(conn.execute("SELECT * FROM event_keys")),
        sorted(conn.execute("SELECT * FROM tallies WHERE n != 0")),
    )


def assert_consistent(path: Path) -> None:
    conn = sqlite3.connect(path)
    kept = derived(conn)
    from sitroom.db import tallies

    with conn:
        tallies.rebuild(conn)
    assert derived(conn) == kept
    conn.close()


def test_bundled_store_is_consistent(db_path: Path) -> None:
    assert_consistent(db_path)
    conn = sqlite3.connect(db_path)
    # SAA's key holds its own events and its units' events, each once.
    saa = conn.execute("SELECT count(*) FROM event_keys WHERE key = 'saa'").fetchone()[0]
    assert saa == 16
    assert conn.execute("SELECT sum(n) FROM tallies WHERE key = ''").fetchone()[0] == 24
    conn.close()


def test_imports_updates_and_deletes_keep_them_exact(db_path: Path, tmp_path: Path) -> None:
    store = Store(db_path)
    import_file(store.db.conn, DATA / "acled_syria.csv")
    import_file(store.db.conn, DATA / "ucdp_ged_syria.csv")
    edited = tmp_path / "edited.csv"
    # Move an event to another month, change its type and certainty wording: an update.
    original = b"30 June 2017,2017,1,Political violence,Battles,Government regains territory"
    edited.write_bytes((DATA / "acled_syria.csv").read_bytes().replace(
        original, b"02 July 2017,2017,1,Political violence,Battles,Armed clash", 1))
    report = import_file(store.db.conn, edited)
    assert report.counts.updated == 1
    conn = store.db.conn
    with conn:
        conn.execute("DELETE FROM event_factions WHERE faction = 'tiger-forces'")
        one = conn.execute("SELECT id FROM events WHERE place = 'jobar'").fetchone()[0]
        conn.execute("DELETE FROM event_factions WHERE event = ?", [one])
        conn.execute("DELETE FROM events WHERE id = ?", [one])
        conn.execute("UPDATE events SET certainty = 'claimed', front = 'raqqa' WHERE place = 'resafa'")
    store.close()
    assert_consistent(db_path)


def test_a_round_trip_store_is_consistent(store: Store, tmp_path: Path) -> None:
    from sitroom.db.files.exporting import export
    from sitroom.db.filters import EventFilter

    out = tmp_path / "all.jsonl"
    with out.open("w") as f:
        export(store, EventFilter(), "jsonl", f)
    empty = tmp_path / "empty.db"
    create_store(empty, bundled=False)
    target = Store(empty)
    import_file(target.db.conn, out)
    target.close()
    assert_consistent(empty)


def test_a_version_1_store_is_migrated(db_path: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.db"
    create_store(fresh)
    with sqlite3.connect(fresh) as c:
        fresh_sides = dict(c.execute("SELECT id, side FROM events").fetchall())
    conn = sqlite3.connect(db_path)
    from sitroom.db.tallies import TRIGGER_NAMES

    for name in TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("faction_ancestors", "event_keys", "tallies"):
        conn.execute(f"DROP TABLE {table}")
    # What version 3 added: sides, bloc colours, the index of captures.
    conn.execute("DROP INDEX events_captures")
    # What version 4 added: the dataset's columns, the index of its ids, of spans and of claimed captures.
    for index in ("events_source_event_id", "events_spans", "events_capture_claims"):
        conn.execute(f"DROP INDEX {index}")
    for column in EVENT_DATASET_COLUMNS:
        conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
    conn.execute("ALTER TABLE events DROP COLUMN side")
    conn.execute("ALTER TABLE blocs DROP COLUMN colour")
    conn.execute("UPDATE events SET rowid = -rowid")  # version 1 numbered rows as they came
    conn.execute("UPDATE events SET rowid = (SELECT count(*) FROM events e WHERE e.id <= events.id)")
    conn.execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = Store(db_path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert set(EVENT_DATASET_COLUMNS) <= set(store.db["events"].columns_dict)
    assert store.blocs()[0].colour == "#D55E00"
    # Rowids spread by id, and the text index follows them.
    assert all(rowid == event_rowid(eid) for rowid, eid in store.db.execute("SELECT rowid, id FROM events"))
    assert store.count(EventFilter(text="VBIED")) == 2
    # The migration's one-pass sides equal those the triggers give row by row.
    assert dict(store.db.execute("SELECT id, side FROM events").fetchall()) == fresh_sides
    assert Counter(fresh_sides.values()) == {"government": 13, "sdf-coalition": 6, "isis": 3,
                                             "opposition": 2}
    store.close()
    assert_consistent(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT sum(n) FROM tallies WHERE key = 'saa'").fetchone()[0] == 16
    # 13 factions with themselves, the 5 units with their parent (VKS a unit of the Russian forces).
    assert json.dumps(conn.execute("SELECT count(*) FROM faction_ancestors").fetchone()[0]) == "18"
