"""Territorial control: who held a place, from the capture events in the store.

A confirmed capture at a place hands it to the capture's actors from the capture's date on; until then
the place was held by the capture's targets, when the source names them. Claimed and rumoured captures
change nothing: a claim is not a change of hands. Only what the store records is said; before the first
recorded capture with a named target, the holder is not known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..rules import bloc_of, capture

Rows = Callable[..., list[Any]]  # a line's rows(sql, params): locked, traced, errors in words


@dataclass(frozen=True)
class Handover:
    """One change of hands at a place."""

    event: str
    place: str
    date: str
    date_precision: str
    to: tuple[str, ...]  # the factions that took it (actors and allies)
    from_: tuple[str, ...]  # the factions that lost it (targets), when the source names them


@dataclass(frozen=True)
class Holding:
    place: str
    date: str
    holders: tuple[str, ...]  # empty when the store cannot say
    since: Handover | None  # the capture that made them holders, if any
    until: Handover | None  # the next capture, when they are the holders only by inference


_CAPTURES = f"""
SELECT e.id, e.place, e.date, e.date_precision,
       (SELECT group_concat(ef.faction, ' ') FROM event_factions ef
         WHERE ef.event = e.id AND ef.role IN ('actor', 'ally')) AS gainers,
       (SELECT group_concat(ef.faction, ' ') FROM event_factions ef
         WHERE ef.event = e.id AND ef.role = 'target') AS losers
  FROM events e
 WHERE {capture("e")} AND {{where}}
 ORDER BY e.date, e.id
"""


def _handover(row: tuple) -> Handover:
    return Handover(row[0], row[1], row[2], row[3], tuple(sorted((row[4] or "").split())),
                    tuple(sorted((row[5] or "").split())))


def history(rows: Rows, place: str) -> list[Handover]:
    """Every confirmed capture of `place`, oldest first."""
    return [_handover(r) for r in rows(_CAPTURES.format(where="e.place = ?"), (place,))]


def holder(rows: Rows, place: str, date: str) -> Holding:
    """Who held `place` on `date` (ISO), as far as the store's captures say."""
    captures = history(rows, place)
    before = [c for c in captures if c.date <= date]
    after = [c for c in captures if c.date > date]
    if before:
        return Holding(place, date, before[-1].to, before[-1], None)
    if after and after[0].from_:
        return Holding(place, date, after[0].from_, None, after[0])
    return Holding(place, date, (), None, after[0] if after else None)


@dataclass(frozen=True)
class Held:
    """A place and the bloc that held it on a date, for the map."""

    place: str
    bloc: str
    since: str | None  # the date of the capture that gave it to them; None when only inferred
    event: str  # that capture, or the next one whose targets held the place until then


# For each place, its last confirmed capture on or before the date, else its first one after it: the
# partial index events_captures (place, date, id) answers each in one step.
_HOLDINGS = f"""
SELECT x.place, x.before_id, x.after_id FROM (
  SELECT p.id AS place,
         (SELECT e.id FROM events e WHERE e.place = p.id AND {capture("e")}
             AND e.date <= :date ORDER BY e.date DESC, e.id DESC LIMIT 1) AS before_id,
         (SELECT e.id FROM events e WHERE e.place = p.id AND {capture("e")}
             AND e.date > :date ORDER BY e.date, e.id LIMIT 1) AS after_id
    FROM places p) x
 WHERE x.before_id IS NOT NULL OR x.after_id IS NOT NULL
"""
_BLOC = bloc_of("?", "?")  # of an event's parties in one role


def holdings(rows: Rows, date: str) -> list[Held]:
    """Every place the store's captures say something about on `date`, with the bloc that held it:
    the captors of its last capture by then, else the targets of its next one."""
    held = []
    for place, before, after in rows(_HOLDINGS, {"date": date}):
        if before:
            bloc = rows(_BLOC, (before, "actor"))
            if bloc:
                date_row = rows("SELECT date FROM events WHERE id = ?", (before,))[0]
                held.append(Held(place, bloc[0][0], date_row[0], before))
            continue
        bloc = rows(_BLOC, (after, "target"))
        if bloc:
            held.append(Held(place, bloc[0][0], None, after))
    return held


def changes(rows: Rows, front: str | None, since: str, until: str) -> list[Handover]:
    """The confirmed captures on `front` (every front when None) from `since` to `until`, oldest first."""
    where, params = "e.date BETWEEN ? AND ?", [since, until]
    if front:
        where += " AND e.front = ?"
        params.append(front)
    return [_handover(r) for r in rows(_CAPTURES.format(where=where), params)]
