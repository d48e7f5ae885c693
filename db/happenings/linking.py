"""Linking events to the happenings other sources report: the queue of events written since the last
link (db/schema.py fills it), matched against the store set-based, in the caller's transaction.

1. The queue is read in date order, a batch at a time (BATCH ids), so memory holds a batch however
   large the import or the store. Each batch's candidate pairs stream from gathering.py: the events
   of other origins near a queued one in place and time, each read once.
2. The rules (matching.py) decide each pair as it streams; a queued event joins the happening of its
   best match that has no event of its own origin yet, the nearest pairs of the batch first. A queued
   event that leads others keeps them.
3. Each happening that gained (or lost) an event is led by its surest account (matching.lead_rank);
   its members point at the lead. Tallies follow through their triggers (only leads count).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from .gathering import COLUMNS, FROM, LINK_COLUMNS, ORIGIN, Gatherer, Row
from .matching import DEFAULT_WINDOW, Candidate, Window, lead_rank, match

BATCH = 5000  # queued events linked together: the nearest pairs of a batch link first


@dataclass
class Linked:
    """What one linking pass did."""

    checked: int = 0  # queued events looked at
    linked: int = 0  # events that joined another source's happening
    happenings: int = 0  # happenings that gained or lost an event


def read_window(conn: sqlite3.Connection) -> Window:
    values = dict(conn.execute("SELECT key, value FROM settings WHERE key IN ('link_km', 'link_days')"))
    try:
        return Window(float(values.get("link_km", DEFAULT_WINDOW.km)),
                      int(values.get("link_days", DEFAULT_WINDOW.days)))
    except ValueError:  # a hand-edited setting: the default rather than no linking at all
        return DEFAULT_WINDOW


def write_window(conn: sqlite3.Connection, window: Window) -> None:
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     [("link_km", f"{window.km:g}"), ("link_days", str(window.days))])


def link_queued(conn: sqlite3.Connection, window: Window | None = None) -> Linked:
    """Link every queued event (see the module docstring), then empty the queue."""
    window = window or read_window(conn)
    done = Linked()
    if not conn.execute("SELECT 1 FROM link_queue LIMIT 1").fetchone():
        return done
    gather = Gatherer(conn, window)
    if gather.origins < 2:  # a store of one origin (one dataset) links nothing
        done.checked = conn.execute("DELETE FROM link_queue").rowcount
        return done
    # In date order: a batch's events then share a narrow window of dates to look up. The order is
    # written once to a temporary table (on disk when large) and read a batch at a time.
    conn.execute("DROP TABLE IF EXISTS temp.link_order")
    conn.execute("CREATE TEMP TABLE link_order (n INTEGER PRIMARY KEY, id TEXT NOT NULL)")
    conn.execute("INSERT INTO temp.link_order (id) SELECT q.id FROM link_queue q "
                 "LEFT JOIN events e ON e.id = q.id ORDER BY e.date, q.id")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS link_leads (lead TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.link_leads")
    last = 0
    while page := conn.execute("SELECT n, id FROM temp.link_order WHERE n > ? ORDER BY n LIMIT ?",
                               (last, BATCH)).fetchall():
        last = page[-1][0]
        _link_batch(conn, [eid for _, eid in page], window, gather, done)
    gather.close()
    conn.execute("DELETE FROM link_queue")
    lead = ""
    while leads := [r[0] for r in conn.execute(
            "SELECT lead FROM temp.link_leads WHERE lead > ? ORDER BY lead LIMIT 1000", (lead,))]:
        for lead in leads:
            elect(conn, lead)
        done.happenings += len(leads)
    conn.execute("DROP TABLE temp.link_order")
    conn.execute("DROP TABLE temp.link_leads")
    return done


@lru_cache(maxsize=4096)  # few combinations of blocs recur
def _blocs(text: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The blocs of those who acted and of every party, from gathering.BLOCS ("+" marks who acted)."""
    named = text.split(",") if text else []
    return frozenset(b[1:] for b in named if b.startswith("+")), frozenset(b.lstrip("+") for b in named)


def linkable(r: Row) -> Candidate:
    """A row of gathering.LINK_COLUMNS as the rules see it."""
    return member(r[:-1], *_blocs(r[-1]))


def member(r: Row, actors: frozenset[str] = frozenset(), named: frozenset[str] = frozenset()) -> Candidate:
    """A row of gathering.COLUMNS as the rules see it, with its parties' blocs (none: as a lead is
    elected, which needs no blocs)."""
    (eid, origin, event_type, source_type, start, ends, place, lat, lon, certainty, _, happening, _,
     reviewed, precision) = r
    return Candidate(eid, origin, event_type, source_type, start, ends or start, place, lat, lon,
                     actors, named, certainty, happening, reviewed, precision or 0.0)


def _link_batch(conn: sqlite3.Connection, ids: list[str], window: Window, gather: Gatherer,
                done: Linked) -> None:
    rows = conn.execute(f"SELECT {LINK_COLUMNS} FROM {FROM} WHERE e.id IN (SELECT value FROM json_each(?)) "
                        "ORDER BY e.date, e.id", (json.dumps(ids),)).fetchall()
    done.checked += len(rows)
    leading = {r[0] for r in conn.execute(
        "SELECT DISTINCT happening FROM events WHERE happening IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))}
    # Events set by hand, and those that lead others, stay as they are.
    todo = [r for r in rows if not r[12] and r[0] not in leading]
    mine = {r[0]: linkable(r) for r in todo}
    # Best matches first, over the whole batch: the nearest pairs link before a farther one can take
    # either event. Only the pairs the rules accept are kept, as they stream.
    options = []
    for c, near in gather.pairs(todo):
        other = linkable(c)
        for q in near:
            if (ranked := match(mine[q[0]], other, window)) is not None:
                options.append((*ranked, q[0], other.id, other.happening))  # flat: a tuple less each
    options.sort()
    for r in todo:  # a follower written again is matched afresh (where another origin may be near)
        if r[11] is not None and gather.others(r[1]) and (r[6] is not None or r[7] is not None):
            _detach(conn, r[0], r[11])
    queued = set(mine)
    lead_of: dict[str, str] = {}  # ids this batch linked → their lead
    origins_in: dict[str, set[str]] = {}  # a happening's lead → the origins of its events
    for _, _, _, me_id, other_id, happening in options:
        if me_id in lead_of or me_id in leading:
            continue
        lead = lead_of.get(other_id, happening if other_id not in queued else None) or other_id
        if lead == me_id:
            continue
        have = origins_in.get(lead)
        if have is None:  # (this batch's links, written below, are all to leads looked up already)
            have = origins_in[lead] = {o for (o,) in conn.execute(
                f"SELECT {ORIGIN} FROM {FROM} WHERE e.id = ? OR e.happening = ?", (lead, lead))}
        if mine[me_id].origin in have:
            continue
        have.add(mine[me_id].origin)
        lead_of[me_id] = lead
        leading.add(lead)  # it leads now: it is not linked to another in turn
    conn.executemany("UPDATE events SET happening = ? WHERE id = ?", [(v, k) for k, v in lead_of.items()])
    conn.executemany("INSERT OR IGNORE INTO temp.link_leads VALUES (?)", [(v,) for v in {*lead_of.values()}])
    done.linked += len(lead_of)


def _detach(conn: sqlite3.Connection, event: str, lead: str) -> None:
    conn.execute("UPDATE events SET happening = NULL WHERE id = ?", (event,))
    conn.execute("INSERT OR IGNORE INTO temp.link_leads VALUES (?)", (lead,))


def elect(conn: sqlite3.Connection, lead: str) -> str:
    """Make the surest, most precisely dated event of `lead`'s happening its lead (the current lead
    when none is better); returns the lead's id."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM {FROM} WHERE e.id = ? OR e.happening = ?",
                        (lead, lead)).fetchall()
    if not rows:
        return lead
    members = [member(r) for r in rows]
    best = min(members, key=lambda c: (lead_rank(c), c.id != lead, c.id))
    if best.id != lead:
        conn.execute("UPDATE events SET happening = NULL WHERE id = ?", (best.id,))
        conn.execute("UPDATE events SET happening = ? WHERE happening = ? OR id = ?", (best.id, lead, lead))
    return best.id


def relink(conn: sqlite3.Connection, window: Window) -> Linked:
    """Link the whole store again under `window` (kept as the store's setting); links made by hand
    stay."""
    write_window(conn, window)
    conn.execute("UPDATE events SET happening = NULL WHERE happening IS NOT NULL AND linked_by_hand IS NULL")
    conn.execute("INSERT OR IGNORE INTO link_queue (id) SELECT id FROM events")
    return link_queued(conn, window)
