"""Upserting prepared events: the last step of every write, inside the caller's transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..schema import event_rowid
from .records import Prepared

EVENT_COLUMNS = ("id", "date", "date_precision", "front", "place", "lat", "lon", "event_type", "summary",
                 "certainty", "fatalities", "source", "excerpt")
# A new event takes the rowid its id gives (schema.event_rowid); an update keeps it.
_UPSERT = (
    f"INSERT INTO events (rowid, {', '.join(EVENT_COLUMNS)}) "
    f"VALUES (:rowid, {', '.join(':' + c for c in EVENT_COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS[1:])
)


@dataclass
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def write_events(conn: sqlite3.Connection, prepared: Sequence[Prepared]) -> WriteCounts:
    """Upsert events and replace their parties, saying how many were new, changed or the same.
    The caller owns the transaction."""
    counts = WriteCounts()
    ids = [p.event["id"] for p in prepared]
    before: dict[str, tuple[tuple, frozenset]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join("?" * len(part))
        rows = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id IN ({marks})", part)
        for row in rows:
            before[row[0]] = (tuple(row), frozenset())
        parties = conn.execute(
            f"SELECT event, faction, role FROM event_factions WHERE event IN ({marks})", part)
        grouped: dict[str, set] = {}
        for event, faction, role in parties:
            grouped.setdefault(event, set()).add((faction, role))
        for event, found in grouped.items():
            before[event] = (before[event][0], frozenset(found))
    changed = []
    for item in prepared:
        eid = item.event["id"]
        after = (tuple(item.event[c] for c in EVENT_COLUMNS),
                 frozenset((p["faction"], p["role"]) for p in item.parties))
        if eid not in before:
            counts.added += 1
        elif before[eid] == after:
            counts.unchanged += 1
            continue
        else:
            counts.updated += 1
        changed.append(item)
    conn.executemany(_UPSERT, [{**item.event, "rowid": event_rowid(item.event["id"])} for item in changed])
    conn.executemany("DELETE FROM event_factions WHERE event = ?", [(i.event["id"],) for i in changed])
    conn.executemany(
        "INSERT OR IGNORE INTO event_factions (event, faction, role) VALUES (:event, :faction, :role)",
        [p for item in changed for p in item.parties],
    )
    return counts
