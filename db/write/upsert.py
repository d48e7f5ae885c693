"""Upserting prepared events: the last step of every write, inside the caller's transaction."""

from __future__ import annotations

import json
import operator
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..schema import event_rowid
from .records import EVENT_COLUMNS, Prepared

# A new event takes the rowid its id gives (schema.event_rowid); an update keeps it. An event written
# here was not written from a file's row: it has no row fingerprint (write/fingerprints.py).
_UPSERT = (
    f"INSERT INTO events (rowid, {', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * (len(EVENT_COLUMNS) + 1))}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS[1:]) + ", row_hash = NULL"
)
# An event's fields in EVENT_COLUMNS order, and its parties, as plain tuples: what is compared with the
# store and what is bound to the statements (positional parameters bind faster than named ones).
fields = operator.itemgetter(*EVENT_COLUMNS)
party = operator.itemgetter("event", "faction", "role")


@dataclass
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Sorted:
    """A batch of prepared events against the store: new ones, changed ones, and how many are the same."""

    added: list[Prepared]
    updated: list[Prepared]
    same: list[Prepared]

    @property
    def unchanged(self) -> int:
        return len(self.same)


def read_stored(conn: sqlite3.Connection, ids: list[str]
                ) -> tuple[dict[str, tuple], dict[str, set[tuple[str, str]]]]:
    """The store's (rowid, *fields in EVENT_COLUMNS order) of the events `ids` it holds, by id, and their
    parties: one query each for the whole batch, the ids bound as one parameter."""
    ids_json = json.dumps(ids)
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, compared as they are with the prepared ones
    stored = {row[1]: row for row in cursor.execute(
        f"SELECT rowid, {', '.join(EVENT_COLUMNS)} FROM events WHERE id IN (SELECT value FROM json_each(?))",
        (ids_json,))}
    parties: dict[str, set[tuple[str, str]]] = {}
    if stored:  # else none of them is in the store (a new store, a new file): no parties to read
        for event, faction, role in cursor.execute(
                "SELECT event, faction, role FROM event_factions "
                "WHERE event IN (SELECT value FROM json_each(?))", (ids_json,)):
            parties.setdefault(event, set()).add((faction, role))
    return stored, parties


def sort_out(conn: sqlite3.Connection, prepared: Sequence[Prepared]) -> Sorted:
    """Which of `prepared` are new to the store, which change an event it holds, which are the same."""
    stored, parties = read_stored(conn, [p.event["id"] for p in prepared])
    out = Sorted([], [], [])
    for item in prepared:
        eid = item.event["id"]
        was = stored.get(eid)
        if was is None:
            out.added.append(item)
        elif was[1:] == fields(item.event) and parties.get(eid, set()) == {
                (p["faction"], p["role"]) for p in item.parties}:
            out.same.append(item)
        else:
            out.updated.append(item)
    return out


def upsert(conn: sqlite3.Connection, added: Sequence[Prepared],
           updated: Sequence[Prepared]) -> list[tuple[int, str]]:
    """Write new and changed events and replace their parties, in the order of their rowids (the
    table's own order: each page of it is visited once). Returns their (rowid, id), in that order."""
    rows = rows_of([*added, *updated])
    conn.executemany(_UPSERT, rows)
    conn.executemany("DELETE FROM event_factions WHERE event = ?", [(i.event["id"],) for i in updated])
    conn.executemany("INSERT OR IGNORE INTO event_factions (event, faction, role) VALUES (?, ?, ?)",
                     [party(p) for item in (*added, *updated) for p in item.parties])
    return [(row[0], row[1]) for row in rows]


def delete_events(conn: sqlite3.Connection, ids: Sequence[str]) -> None:
    """Delete events, their parties first (they name them); the triggers move the tallies and re-queue
    the other events of their happenings. The caller owns the transaction."""
    conn.executemany("DELETE FROM event_factions WHERE event = ?", [(i,) for i in ids])
    conn.executemany("DELETE FROM events WHERE id = ?", [(i,) for i in ids])


def rows_of(prepared: Sequence[Prepared]) -> list[tuple]:
    """(rowid, *fields) of each event, in rowid order."""
    rows = [(event_rowid(item.event["id"]), *fields(item.event)) for item in prepared]
    rows.sort(key=operator.itemgetter(0))
    return rows


def rows_with(prepared: Sequence[Prepared]) -> list[tuple[tuple, Prepared]]:
    """((rowid, *fields), the prepared event) of each event, in rowid order."""
    rows = [((event_rowid(item.event["id"]), *fields(item.event)), item) for item in prepared]
    rows.sort(key=lambda pair: pair[0][0])
    return rows


def keep_stored_fronts(conn: sqlite3.Connection, prepared: list[Prepared]) -> list[Prepared]:
    """The events, each already stored on the front the store put it on. A report's event id names its
    place and point, and the fronts (db/fronts/) move it from its place's front after each write:
    compared with that front, the same event written again (a re-ingest, a review's landing) would
    count as changed every time. Datasets name their fronts and do not pass through here."""
    ids = json.dumps([p.event["id"] for p in prepared])
    stored = dict(conn.execute("SELECT id, front FROM events WHERE id IN (SELECT value FROM json_each(?))",
                               (ids,)).fetchall())
    return [Prepared({**p.event, "front": stored[p.event["id"]]}, p.parties)
            if p.event["id"] in stored else p for p in prepared]


def write_events(conn: sqlite3.Connection, prepared: Sequence[Prepared]) -> WriteCounts:
    """Upsert events and replace their parties, saying how many were new, changed or the same.
    The caller owns the transaction."""
    found = sort_out(conn, prepared)
    upsert(conn, found.added, found.updated)
    return WriteCounts(len(found.added), len(found.updated), found.unchanged)
