"""Reassigning some events (an import's, a report's) decides each front by a pass over those events
(db/fronts/assign.py _decide_each); reassigning every event, once per distinct key. Both must put every
event, place and division front exactly where the other would: compared here on real-shaped rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db import create_store
from sitroom.db.fronts import Reassigned, add_front, box, reassign

from .real_rows import FILES, insert, provinces, real_rows
from .test_tallies import assert_consistent


def _state(conn: sqlite3.Connection) -> tuple[list, list, list, list]:
    """Everything a reassignment decides: events' fronts, places' fronts, the fronts, the tallies."""
    return (conn.execute("SELECT id, front FROM events ORDER BY id").fetchall(),
            conn.execute("SELECT id, front FROM places ORDER BY id").fetchall(),
            conn.execute("SELECT slug, name, kind, country, admin1, sort FROM fronts ORDER BY 1")
            .fetchall(),
            conn.execute("SELECT * FROM tallies WHERE n != 0 ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall())


def _twin_stores(tmp_path: Path, events: list[dict], before: list[dict] | None = None,
                 user_front: bool = False) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    """Two new stores holding the same events (and, reassigned already, `before`)."""
    conns = []
    for name in ("every", "some"):
        path = tmp_path / f"{name}.db"
        create_store(path, bundled=False)
        conn = sqlite3.connect(path)
        with conn:
            if user_front:  # a box over Idlib and Aleppo: a user's area comes before everything else
                add_front(conn, "North-west", box("36.0,35.5,37.5,36.7"))
            if before:
                insert(conn, before)
                reassign(conn)
            insert(conn, events)
        conns.append(conn)
    return conns[0], conns[1]


def _both(every: sqlite3.Connection, some: sqlite3.Connection,
          ids: list[str]) -> tuple[Reassigned, Reassigned]:
    with every:
        whole = reassign(every)
    with some:
        part = reassign(some, ids)
    return whole, part


def _ids(events: list[dict]) -> list[str]:
    return [f"{e['file']}:{e['source_event_id']}" for e in events]


@pytest.mark.parametrize("name", FILES)
def test_some_events_land_where_every_event_would(tmp_path: Path, name: str) -> None:
    events = real_rows(name)
    every, some = _twin_stores(tmp_path, events)
    whole, part = _both(every, some, _ids(events))
    assert part.moved == whole.moved == len(events)
    assert part.created == whole.created and part.removed == whole.removed
    assert _state(some) == _state(every)
    some.close()
    every.close()
    assert_consistent(tmp_path / "some.db")


def test_all_files_and_every_province_at_once(tmp_path: Path) -> None:
    """Divisions of several countries, some named alike and some spelt two ways: the fronts made for
    them are named and numbered the same by either way."""
    events = [e for name in FILES for e in real_rows(name)] + provinces()
    every, some = _twin_stores(tmp_path, events, user_front=True)
    whole, part = _both(every, some, _ids(events))
    assert part.created == whole.created and len(part.created) > 20
    assert _state(some) == _state(every)
    assert_consistent(tmp_path / "some.db")


def test_new_events_beside_reassigned_ones(tmp_path: Path) -> None:
    """An import into a store whose events are on their fronts: only the new events are read, and they
    land where reassigning every event would put them."""
    events = [e for name in FILES for e in real_rows(name)]
    before, after = events[::2], events[1::2]
    every, some = _twin_stores(tmp_path, after, before=before)
    whole, part = _both(every, some, _ids(after))
    assert part.moved == whole.moved == len(after)
    assert _state(some) == _state(every)
    assert_consistent(tmp_path / "some.db")


def test_an_import_leaves_events_where_reassigning_every_event_would(tmp_path: Path) -> None:
    """End to end: real files imported one after another (each followed by the reassignment of what it
    wrote); a reassignment of every event afterwards moves nothing."""
    from sitroom.db import Store

    from .real_rows import REAL

    path = tmp_path / "store.db"
    create_store(path, bundled=False)
    store = Store(path)
    for name in FILES:
        store.import_file(REAL / name)
    store.close()
    conn = sqlite3.connect(path)
    before = _state(conn)
    with conn:
        assert reassign(conn).moved == 0
    assert _state(conn) == before
    conn.close()
    assert_consistent(path)
