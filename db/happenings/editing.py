"""Links set by hand: an analyst splits an event out of its happening, or joins two happenings. Events
set by hand are marked (events.linked_by_hand) and the automatic linker leaves them as they are."""

from __future__ import annotations

import sqlite3

from .linking import elect


class HappeningError(ValueError):
    """The link cannot be changed as asked; the message says why, for the user."""


def _lead(conn: sqlite3.Connection, event: str) -> str:
    row = conn.execute("SELECT coalesce(happening, id) FROM events WHERE id = ?", (event,)).fetchone()
    if row is None:
        raise HappeningError(f"there is no event {event!r}")
    return row[0]


def split(conn: sqlite3.Connection, event: str) -> str:
    """Take `event` out of its happening: it stands alone from now on. Returns the id of the lead of the
    happening it left."""
    lead = _lead(conn, event)
    others = [r[0] for r in conn.execute("SELECT id FROM events WHERE happening = ? AND id != ?",
                                         (lead, event))]
    if lead == event and not others:
        raise HappeningError("this event is the only report of its happening: there is nothing to split")
    if lead != event:
        conn.execute("UPDATE events SET happening = NULL, linked_by_hand = 1 WHERE id = ?", (event,))
        return elect(conn, lead)
    # The lead leaves: the first of the others leads the rest until the surest is elected.
    first, rest = others[0], others[1:]
    conn.execute("UPDATE events SET happening = NULL WHERE id = ?", (first,))
    conn.executemany("UPDATE events SET happening = ? WHERE id = ?", [(first, r) for r in rest])
    conn.execute("UPDATE events SET linked_by_hand = 1 WHERE id = ?", (event,))
    return elect(conn, first)


def join(conn: sqlite3.Connection, event: str, other: str) -> str:
    """Make `event`'s happening and `other`'s one. Returns the id of the lead of the joined happening."""
    mine, theirs = _lead(conn, event), _lead(conn, other)
    if mine == theirs:
        raise HappeningError("these events are already one happening")
    conn.execute("UPDATE events SET happening = ?, linked_by_hand = 1 WHERE id = ? OR happening = ?",
                 (theirs, mine, mine))
    return elect(conn, theirs)
