"""Linking events to the happenings other sources report: the queue of events written since the last
link (db/schema.py fills it), matched against the store set-based, in the caller's transaction.

1. The candidate pairs are gathered by whichever side is smaller (gathering.py): the other origins'
   events read once, or each queued event's neighbourhood (places within the window's km, dates
   within its window) looked up in the (place, date) index.
2. The rules (matching.py) decide each pair; a queued event joins the happening of its best match that
   has no event of its own origin yet. A queued event that leads others keeps them.
3. Each happening that gained an event is led by its surest account (matching.lead_rank); its members
   point at the lead. Tallies follow through their triggers (only leads count).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .gathering import COLUMNS, FROM, ORIGIN, Gatherer
from .matching import DEFAULT_WINDOW, Candidate, Window, lead_rank, score, why_not

BATCH = 5000


@dataclass
class Linked:
    """What one linking pass did."""

    checked: int = 0  # queued events looked at
    linked: int = 0  # events that joined another source's happening
    happenings: set[str] = field(default_factory=set)  # the leads of the happenings that changed


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


def _candidate(r: sqlite3.Row | tuple, parties: dict[str, tuple[set[str], set[str]]]) -> Candidate:
    (eid, origin, event_type, source_type, start, ends, place, lat, lon, certainty, _, happening, _,
     reviewed, precision) = r
    actors, named = parties.get(eid, (set(), set()))
    return Candidate(eid, origin, event_type, source_type, start, ends or start, place, lat, lon,
                     frozenset(actors), frozenset(named), certainty, happening, reviewed, precision or 0.0)


def _parties(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, tuple[set[str], set[str]]]:
    """Each event's blocs: of those who acted (actor, ally), and of every party it names."""
    out: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for event, role, bloc in conn.execute(
            "SELECT ef.event, ef.role, f.bloc FROM event_factions ef JOIN factions f ON f.slug = ef.faction "
            "WHERE ef.event IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(ids))),)):
        actors, named = out[event]
        named.add(bloc)
        if role in ("actor", "ally"):
            actors.add(bloc)
    return out


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
    lead_of: dict[str, str | None] = {}  # ids whose happening this pass changed → their lead
    origins_in: dict[str, set[str]] = {}  # a happening's lead → the origins of its events
    # In date order: a batch's events then share a narrow window of dates to look up.
    queued = [r[0] for r in conn.execute(
        "SELECT q.id FROM link_queue q LEFT JOIN events e ON e.id = q.id ORDER BY e.date, q.id")]
    for at in range(0, len(queued), BATCH):
        _link_batch(conn, queued[at:at + BATCH], window, gather, lead_of, origins_in, done)
    gather.close()
    conn.execute("DELETE FROM link_queue")
    for lead in list(done.happenings):
        elect(conn, lead, done)
    return done


def _link_batch(conn: sqlite3.Connection, ids: list[str], window: Window, gather: Gatherer,
                lead_of: dict[str, str | None], origins_in: dict[str, set[str]], done: Linked) -> None:
    rows = conn.execute(f"SELECT {COLUMNS} FROM {FROM} WHERE e.id IN (SELECT value FROM json_each(?)) "
                        "ORDER BY e.date, e.id", (json.dumps(ids),)).fetchall()
    done.checked += len(rows)
    leading = {r[0] for r in conn.execute(
        "SELECT DISTINCT happening FROM events WHERE happening IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))}
    # Events set by hand, and those that lead others, stay as they are.
    todo = [r for r in rows if not r[12] and r[0] not in leading]
    by_queued = gather.pairs(todo)
    if not by_queued:
        return
    pairs = [c for found in by_queued.values() for c in found]
    parties = _parties(conn, [*by_queued, *(c[0] for c in pairs)])
    queued = {r[0] for r in todo}
    mine = {r[0]: _candidate(r, parties) for r in todo if r[0] in by_queued}
    for eid, r in ((r[0], r) for r in todo):
        if r[11] is not None and eid in by_queued:  # a follower written again: it is matched afresh
            _detach(conn, eid, r[11], done)
    # Best matches first, over the whole batch: the nearest pairs link before a farther one can take
    # either event.
    options = sorted((score(me, c), me.id, c.id, me, c) for me in mine.values()
                     for c in (_candidate(o, parties) for o in by_queued.get(me.id, ()))
                     if why_not(me, c, window) is None)
    linked_now: set[str] = set()
    for _, _, _, me, other in options:
        if me.id in linked_now or me.id in leading:
            continue
        lead = lead_of.get(other.id, other.happening if other.id not in queued else None) or other.id
        if lead == me.id:
            continue
        have = origins_in.get(lead)
        if have is None:
            have = origins_in[lead] = {o for (o,) in conn.execute(
                f"SELECT {ORIGIN} FROM {FROM} WHERE e.id = ? OR e.happening = ?", (lead, lead))}
        if me.origin in have:
            continue
        conn.execute("UPDATE events SET happening = ? WHERE id = ?", (lead, me.id))
        have.add(me.origin)
        lead_of[me.id] = lead
        leading.add(lead)  # it leads now: it is not linked to another in turn
        linked_now.add(me.id)
        done.linked += 1
        done.happenings.add(lead)


def _detach(conn: sqlite3.Connection, event: str, lead: str, done: Linked) -> None:
    conn.execute("UPDATE events SET happening = NULL WHERE id = ?", (event,))
    done.happenings.add(lead)


def elect(conn: sqlite3.Connection, lead: str, done: Linked | None = None) -> str:
    """Make the surest, most precisely dated event of `lead`'s happening its lead (the current lead
    when none is better); returns the lead's id."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM {FROM} WHERE e.id = ? OR e.happening = ?",
                        (lead, lead)).fetchall()
    if not rows:
        return lead
    members = [_candidate(r, {}) for r in rows]
    best = min(members, key=lambda c: (lead_rank(c), c.id != lead, c.id))
    if best.id != lead:
        conn.execute("UPDATE events SET happening = NULL WHERE id = ?", (best.id,))
        conn.execute("UPDATE events SET happening = ? WHERE happening = ? OR id = ?", (best.id, lead, lead))
        if done is not None:
            done.happenings.discard(lead)
            done.happenings.add(best.id)
    return best.id


def relink(conn: sqlite3.Connection, window: Window) -> Linked:
    """Link the whole store again under `window` (kept as the store's setting); links made by hand
    stay."""
    write_window(conn, window)
    conn.execute("UPDATE events SET happening = NULL WHERE happening IS NOT NULL AND linked_by_hand IS NULL")
    conn.execute("INSERT OR IGNORE INTO link_queue (id) SELECT id FROM events")
    return link_queued(conn, window)
