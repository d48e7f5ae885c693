"""The happenings an event not yet linked might join, and why: the linker's own search and rules
(linking.py, matching.py), read-only, for a person to choose from before anything is written.

A proposal is a happening (named by its lead), not an event: the best-matching of its events stands
for it. A happening that already holds an event of the same origin is not proposed, as the linker would
not link there either.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .gathering import FROM as _FROM
from .gathering import LINK_COLUMNS as _COLUMNS
from .gathering import ORIGIN
from .gathering import Places as _Places
from .linking import linkable
from .matching import (
    Candidate,
    Window,
    days_apart,
    distance,
    families,
    score,
    why_not,
    window_end,
    window_start,
)

MAX_PROPOSALS = 5


@dataclass(frozen=True)
class Proposal:
    """A happening `event` may be one with: its lead's date, place, type and certainty, the titles of
    its sources, and why it matches, in words."""

    lead: str
    date: str
    date_precision: str
    place: str | None  # the lead's place name (or its summary's, for a place the store lacks)
    event_type: str
    certainty: str
    sources: tuple[str, ...]
    why: tuple[str, ...]
    current: bool = False  # the event is in this happening now


def _why(me: Candidate, other: Candidate, blocs: dict[str, str]) -> tuple[str, ...]:
    """Why two events may be one happening: each of matching.py's rules, as it was met."""
    km = distance(me, other) or 0.0
    days = days_apart(me, other)
    shared = sorted(families(me.event_type, me.source_type) & families(other.event_type, other.source_type))
    out = ["same place" if km == 0 else f"{km:.1f} km apart",
           "dates overlap" if days == 0 else f"{days} day{'s' if days > 1 else ''} apart",
           "same type" if me.event_type == other.event_type
           else f"{me.event_type} and {other.event_type}: both {' or '.join(shared)}"]
    acted = sorted(me.actors & other.actors)
    named = sorted(me.parties & other.parties)
    if acted:
        out.append(f"{', '.join(blocs.get(b, b) for b in acted)} acted in both")
    elif named:
        out.append(f"{', '.join(blocs.get(b, b) for b in named)} named in both")
    return tuple(out)


def propose(conn: sqlite3.Connection, me: Candidate, window: Window, current: str | None = None,
            limit: int = MAX_PROPOSALS) -> list[Proposal]:
    """The happenings `me` (an event as the rules see it, stored or not) may join, best first; the one
    it is in now (`current`, its lead) first and marked, whether or not the rules would link it there
    (a link set by hand). Nothing is written."""
    out: list[Proposal] = []
    blocs = dict(conn.execute("SELECT slug, name FROM blocs"))
    around: list[str] = []
    if me.lat is not None and me.lon is not None:
        around = _Places(conn, window.km).near(me.lat, me.lon)
    if me.place and me.place not in around:
        around.append(me.place)
    if not around and current is None:
        return []
    lo, hi = window_start(me.start, window.days), window_end(me.end, window.days)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM {_FROM} WHERE e.place IN (SELECT value FROM json_each(?)) "
        "AND e.date BETWEEN ? AND ? AND e.id != ? "
        "AND NOT (e.linked_by_hand IS NOT NULL AND e.happening IS NULL)",
        (json.dumps(around), lo, hi, me.id)).fetchall()
    best: dict[str, tuple[tuple, Candidate]] = {}
    for other in (linkable(r) for r in rows):
        if why_not(me, other, window) is not None:
            continue
        lead = other.happening or other.id
        ranked = score(me, other)
        if lead not in best or ranked < best[lead][0]:
            best[lead] = (ranked, other)
    if current is not None and current not in best:
        out.append(_describe(conn, current, _titles(conn, current)[1], ("its happening now, linked by hand",),
                             True))
    for lead, (_, other) in sorted(best.items(), key=lambda kv: (kv[0] != current, kv[1][0], kv[0])):
        origins, titles = _titles(conn, lead, me.id)
        if me.origin in origins:
            continue  # one account of each origin in a happening, as the linker keeps it
        out.append(_describe(conn, lead, titles, _why(me, other, blocs), lead == current))
        if len(out) == limit:
            break
    return out


def _titles(conn: sqlite3.Connection, lead: str, leave_out: str = "") -> tuple[set[str], tuple[str, ...]]:
    """The origins of a happening's events (but `leave_out`), and its sources' titles, a source once
    (two sources may share a title)."""
    members = conn.execute(f"SELECT e.id, {ORIGIN} AS origin, e.source, s.title FROM {_FROM} "
                           "WHERE e.id = ? OR e.happening = ?", (lead, lead)).fetchall()
    titles = {source: title or source or "(untitled)" for _, _, source, title in members}
    return {o for eid, o, _, _ in members if eid != leave_out}, tuple(titles.values())


def _describe(conn: sqlite3.Connection, lead: str, sources: tuple[str, ...], why: tuple[str, ...],
              current: bool) -> Proposal:
    date, precision, place, summary, event_type, certainty = conn.execute(
        "SELECT e.date, e.date_precision, p.name, e.summary, e.event_type, e.certainty "
        "FROM events e LEFT JOIN places p ON p.id = e.place WHERE e.id = ?", (lead,)).fetchone()
    return Proposal(lead, date, precision or "day", place or summary, event_type, certainty, sources, why,
                    current)
