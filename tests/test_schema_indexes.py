"""The store's indexes (schema 7, issue 16) and the plans that rely on them.

Each index on events costs an import a page written for most new events, so only those a measured path
needs are kept: the timeline's (date, id), which also holds front, type and certainty for the filters to
test; a place's events by date (a place filter, the linker); a source's (a source filter, the linker);
the types' own (the catalogue lists them); and the small partial ones. Every query below must keep
finding its rows by the index named for it, both as an unanalysed store plans and as the 1M-event store
analysed (its sqlite_stat1, written into the test store), so losing an index fails here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import EventFilter, Store
from sitroom.db.schema import DROPPED_IN_7, SCHEMA_VERSION, TIMELINE

EVENT_INDEXES = {"events_date_id", "events_place_date_id", "events_source", "events_type",
                 "events_source_event_id", "events_spans", "events_captures", "events_capture_claims",
                 "events_happening", "events_row_hash"}
# sqlite_stat1 of the bench's 1M-event store at schema 7 after ANALYZE (bench/make_events.py), with a
# dataset's ids and fingerprints on every event as an imported store has them.
STATS_1M = {
    ("event_factions", "sqlite_autoindex_event_factions_1"): "1825245 2 1 1",
    ("event_keys", "event_keys"): "2498501 3 1",
    ("event_keys", "event_keys_key_date"): "2498501 277612 77 1",
    ("events", "events_capture_claims"): "8954 320 2 1",
    ("events", "events_captures"): "50798 1815 2 1",
    ("events", "events_date_id"): "1000024 275 1 1 1 1",
    ("events", "events_happening"): "24 1",
    ("events", "events_place_date_id"): "1000024 34484 12 1",
    ("events", "events_source"): "1000024 500012",
    ("events", "events_spans"): "23710 34 34",
    ("events", "events_type"): "1000024 111114 33",
    ("events", "events_source_event_id"): "1000024 1",
    ("events", "events_row_hash"): "1000024 1",
    ("events", "sqlite_autoindex_events_1"): "1000024 1",
    ("places", "places_front"): "34 5",
    ("places", "sqlite_autoindex_places_1"): "34 1",
    ("tallies", "tallies"): "448339 44834 6405 712 239 4 3 1",
}

# A page of each filter shape the browser offers and the index its rows come from; "in order": read in
# timeline order, no sort.
PAGES = {
    "nothing": (EventFilter(), "events_date_id", True),
    "front": (EventFilter(fronts=["raqqa"]), "events_date_id", True),
    "type": (EventFilter(types=["capture"]), "events_date_id", True),
    "two types": (EventFilter(types=["capture", "clashes"]), "events_date_id", True),
    "certainty": (EventFilter(certainty=["claimed"]), "events_date_id", True),
    "front, type and certainty": (EventFilter(fronts=["raqqa"], types=["capture"], certainty=["confirmed"]),
                                  "events_date_id", True),
    "as of a day": (EventFilter(until="2017-06-15"), "events_date_id", True),
    "a type as of a day": (EventFilter(types=["capture"], until="2017-06-15"), "events_date_id", True),
    "place": (EventFilter(places=["jobar"]), "events_place_date_id", True),
    "place and type": (EventFilter(places=["jobar"], types=["capture"]), "events_place_date_id", True),
    "faction": (EventFilter(factions=["saa"]), "event_keys_key_date", True),
}


def indexes(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                       "AND sql IS NOT NULL", (table,))}


def analysed_as_1m(path: Path) -> None:
    """Give the store at `path` the statistics of the analysed 1M-event store."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ANALYZE sqlite_schema")  # makes sqlite_stat1
        conn.execute("DELETE FROM sqlite_stat1")
        conn.executemany("INSERT INTO sqlite_stat1 VALUES (?, ?, ?)",
                         [(table, index, stat) for (table, index), stat in STATS_1M.items()])
    conn.close()


def plan(store: Store, sql: str, params) -> list[str]:
    return [row[3] for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", tuple(params))]


def traced(store: Store, run) -> list[tuple[str, tuple]]:
    seen: list[tuple[str, tuple]] = []
    store.tracer = lambda sql, params: seen.append((sql, params))
    try:
        run()
    finally:
        store.tracer = None
    return seen


def test_a_new_store_has_the_indexes_of_version_7(store: Store) -> None:
    conn = store.db.conn
    assert indexes(conn, "events") == EVENT_INDEXES
    assert indexes(conn, "event_factions") == set()  # its key (event, faction, role) serves every query
    assert [r[2] for r in conn.execute("PRAGMA index_info(events_date_id)")] == list(TIMELINE)
    assert [r[2] for r in conn.execute("PRAGMA index_info(events_type)")] == ["event_type", "date"]


def test_a_version_6_store_gets_them_keeping_its_statistics(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)  # as schema 6 left it, analysed
    conn.executescript("""
        DROP INDEX events_date_id; DROP INDEX events_type;
        CREATE INDEX events_date_id ON events (date, id);
        CREATE INDEX events_front_date_id ON events (front, date, id);
        CREATE INDEX events_type_date_id ON events (event_type, date, id);
        CREATE INDEX events_certainty_date_id ON events (certainty, date, id);
        CREATE INDEX event_factions_faction ON event_factions (faction, event);
        ANALYZE;
        PRAGMA user_version = 6;
    """)
    before = dict(conn.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'events'").fetchall())
    conn.close()
    store = Store(db_path)
    conn = store.db.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 9
    assert indexes(conn, "events") == EVENT_INDEXES
    assert not indexes(conn, "event_factions") & set(DROPPED_IN_7)
    assert [r[2] for r in conn.execute("PRAGMA index_info(events_date_id)")] == list(TIMELINE)
    after = dict(conn.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'events'").fetchall())
    assert after["events_date_id"].split()[:2] == before["events_date_id"].split()[:2]
    assert after["events_type"].split() == before["events_type_date_id"].split()[:3]
    assert not set(after) & set(DROPPED_IN_7)
    # The same pages and counts as a store made at version 7.
    assert [e.id for e in store.page(EventFilter(types=["capture"]), limit=50).rows] == [
        r[0] for r in conn.execute("SELECT id FROM events WHERE event_type = 'capture' AND happening IS NULL "
                                   "ORDER BY date DESC, id DESC LIMIT 50")]
    store.close()


@pytest.mark.parametrize("analysed", [False, True], ids=["unanalysed", "analysed-as-1M"])
@pytest.mark.parametrize("name", PAGES)
def test_each_page_reads_its_index(db_path: Path, name: str, analysed: bool, monkeypatch) -> None:
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)  # plan as a large store would
    if analysed:
        analysed_as_1m(db_path)
    store = Store(db_path)
    f, index, in_order = PAGES[name]
    seen = traced(store, lambda: store.page(f, limit=2))
    pages = [(sql, p) for sql, p in seen if "ORDER BY" in sql and "LIMIT" in sql]
    assert pages
    for sql, params in pages:
        steps = plan(store, sql, params)
        assert any(f"INDEX {index}" in s for s in steps), steps
        assert not any("INDEX events_type " in s for s in steps), steps  # never a type's rows gathered
        if in_order:
            assert not [s for s in steps if "TEMP B-TREE" in s], steps
    store.close()


@pytest.mark.parametrize("analysed", [False, True], ids=["unanalysed", "analysed-as-1M"])
def test_the_catalogue_and_the_map_read_their_indexes(db_path: Path, analysed: bool) -> None:
    if analysed:
        analysed_as_1m(db_path)
    store = Store(db_path)
    day = store.date_span()[1]
    listed = traced(store, store.event_types)
    assert listed
    for sql, params in listed:  # the types, without reading the events
        assert any("COVERING INDEX events_type" in s for s in plan(store, sql, params))
    held = [(sql, p) for sql, p in traced(store, lambda: store.holdings(day)) if "FROM places p" in sql]
    assert held
    for sql, params in held:
        steps = " ".join(plan(store, sql, params))
        assert "INDEX events_captures" in steps and "INDEX events_capture_claims" in steps, steps
    store.close()


def test_a_front_page_reads_only_the_months_of_its_events(db_path: Path, monkeypatch) -> None:
    """No front leads an index: on a large store a front's pages read the timeline's index between the
    first and last month the tallies hold its events in, so a front whose events ended years ago (or
    that has none) is not read through all the years since."""
    monkeypatch.setattr("sitroom.db.store.counts.TALLY_FROM", 0)  # as large a store as bounds pay on
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO fronts (slug, name, sort, kind) VALUES ('quiet', 'Quiet', 99, 'user')")
    conn.close()
    store = Store(db_path)
    for front in [fr.slug for fr in store.fronts()]:
        f = EventFilter(fronts=[front])
        expected = [r[0] for r in store.db.execute(
            "SELECT id FROM events WHERE front = ? AND happening IS NULL ORDER BY date DESC, id DESC",
            [front])]
        assert [e.id for e in store.iter_events(f, page_size=3)] == expected, front
        if expected:
            for sql, params in traced(store, lambda f=f: store.page(f, limit=2)):
                if "ORDER BY" in sql:
                    steps = plan(store, sql, params)
                    assert any("INDEX events_date_id (date>? AND date<?)" in s for s in steps), steps
    assert store.page(EventFilter(fronts=["quiet"]), limit=5).rows == ()
    # An event moved onto the front, then the store refreshed (as every write through it does): shown.
    moved = store.page(EventFilter(), limit=1).rows[0].id
    with store.db.conn:
        store.db.execute("UPDATE events SET front = 'quiet', date = '1990-01-02' WHERE id = ?", [moved])
    store.refresh()
    assert [e.id for e in store.page(EventFilter(fronts=["quiet"]), limit=5).rows] == [moved]
    store.close()


def test_a_small_store_pages_a_front_without_asking_the_tallies(store: Store) -> None:
    """Below counts.TALLY_FROM events a page reads the events alone, not the months of the tallies."""
    seen = traced(store, lambda: store.page(EventFilter(fronts=["raqqa"]), limit=5))
    assert seen and not [sql for sql, _ in seen if "FROM tallies t" in sql]
