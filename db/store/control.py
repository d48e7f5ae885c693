"""Territorial control: who held a place, from the capture events in the store.

A confirmed capture of the place itself hands it to the capture's actors once the capture is over (the
end of the month, for one dated to a month); until then the place was held by the capture's targets,
when the source names them. A gain short of the place ("chunks of the city", "hills east of") is an
advance, not a capture (rules.capture). Claimed and rumoured captures change nothing: they are kept in
the place's history as what they are, and the map marks a place whose latest capture is only claimed.
Only what the store records is said; before the first recorded capture with a named target, the holder
is not known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..rules import bloc_of, capture, claimed_capture, period_end

Rows = Callable[..., list[Any]]  # a line's rows(sql, params): locked, traced, errors in words


@dataclass(frozen=True)
class Handover:
    """One capture of a place: a change of hands when confirmed, else only a claim or a rumour of one."""

    event: str
    place: str
    date: str
    date_precision: str
    to: tuple[str, ...]  # the factions that took it, or are said to (actors and allies)
    from_: tuple[str, ...]  # the factions that lost it (targets), when the source names them
    certainty: str = "confirmed"  # claimed or rumoured: no change of hands
    over: str = ""  # the last day of the capture's period: it counts from the next day on
    claimants: tuple[str, ...] = ()  # the factions that claim it, when the source names them

    @property
    def confirmed(self) -> bool:
        return self.certainty == "confirmed"


@dataclass(frozen=True)
class Holding:
    place: str
    date: str
    holders: tuple[str, ...]  # empty when the store cannot say
    since: Handover | None  # the capture that made them holders, if any
    until: Handover | None  # the next capture, when they are the holders only by inference


_PARTIES = """(SELECT group_concat(ef.faction, ' ') FROM event_factions ef
                WHERE ef.event = e.id AND ef.role IN ({roles}))"""
_CAPTURES = f"""
SELECT e.id, e.place, e.date, e.date_precision,
       {_PARTIES.format(roles="'actor', 'ally'")} AS gainers,
       {_PARTIES.format(roles="'target'")} AS losers,
       e.certainty, {period_end("e")} AS over,
       {_PARTIES.format(roles="'claimant'")} AS claimants
  FROM events e
 WHERE {{captures}} AND {{where}}
 ORDER BY e.date, e.id
"""
_ANY_CAPTURE = f"(({capture('e')}) OR ({claimed_capture('e')}))"


def _parties(value: str | None) -> tuple[str, ...]:
    return tuple(sorted((value or "").split()))


def _handover(row: tuple) -> Handover:
    return Handover(row[0], row[1], row[2], row[3], _parties(row[4]), _parties(row[5]), row[6], row[7],
                    _parties(row[8]))


def history(rows: Rows, place: str) -> list[Handover]:
    """Every capture of `place`, confirmed or only claimed, oldest first."""
    sql = _CAPTURES.format(captures=_ANY_CAPTURE, where="e.place = ?")
    return [_handover(r) for r in rows(sql, (place,))]


def holder(rows: Rows, place: str, date: str) -> Holding:
    """Who held `place` on `date` (ISO), as far as the store's confirmed captures say."""
    captures = [c for c in history(rows, place) if c.confirmed]
    before = [c for c in captures if c.over <= date]
    if before:
        return Holding(place, date, before[-1].to, before[-1], None)
    # None is over by then: the first capture's targets held it until then, when the source says.
    after = captures[0] if captures else None
    return Holding(place, date, after.from_ if after else (), None, after)


@dataclass(frozen=True)
class Held:
    """A place and the bloc that held it on a date, for the map; or a claim to have taken it."""

    place: str
    bloc: str  # '' when the store cannot say who held it (only a claim is recorded)
    since: str | None  # the date of the capture that gave it to them; None when only inferred
    event: str | None  # that capture, or the next one whose targets held the place until then
    claim: str | None = None  # the latest capture of it only claimed or rumoured, if after `since`
    claim_bloc: str | None = None  # the bloc that claims it (or is rumoured to have) taken it
    claim_certainty: str | None = None


# For each place, its last confirmed capture over by the date (the partial index events_captures
# (place, date, id) answers it in one step), its first confirmed capture (whose targets held it before,
# when none is over by then), and its last claimed capture over by the date (events_capture_claims).
_OVER = f"e.date <= :date AND {period_end('e')} <= :date"
_HOLDINGS = f"""
SELECT x.place, x.before_id, x.first_id, x.claim_id FROM (
  SELECT p.id AS place,
         (SELECT e.id FROM events e WHERE e.place = p.id AND {capture("e")} AND {_OVER}
           ORDER BY e.date DESC, e.id DESC LIMIT 1) AS before_id,
         (SELECT e.id FROM events e WHERE e.place = p.id AND {capture("e")}
           ORDER BY e.date, e.id LIMIT 1) AS first_id,
         (SELECT e.id FROM events e WHERE e.place = p.id AND {claimed_capture("e")} AND {_OVER}
           ORDER BY e.date DESC, e.id DESC LIMIT 1) AS claim_id
    FROM places p) x
 WHERE x.first_id IS NOT NULL OR x.claim_id IS NOT NULL
"""
_BLOC = bloc_of("?", "?")  # of an event's parties in one role


def holdings(rows: Rows, date: str) -> list[Held]:
    """Every place the store's captures say something about on `date`, with the bloc that held it:
    the captors of its last confirmed capture by then, else the targets of its first; and the latest
    claim to have taken it since, when the claimants are not the holders."""
    def bloc(event: str, *roles: str) -> str:
        for role in roles:
            found = rows(_BLOC, (event, role))
            if found:
                return found[0][0]
        return ""

    def day(event: str) -> str:
        return rows("SELECT date FROM events WHERE id = ?", (event,))[0][0]

    held = []
    for place, before, first, claim in rows(_HOLDINGS, {"date": date}):
        if before:
            h = Held(place, bloc(before, "actor"), day(before), before)
        elif first:
            h = Held(place, bloc(first, "target"), None, first)
        else:
            h = Held(place, "", None, None)
        if claim and (h.since is None or day(claim) >= h.since):
            claimants = bloc(claim, "actor", "claimant")
            if claimants and claimants != h.bloc:
                h = Held(h.place, h.bloc, h.since, h.event, claim, claimants,
                         rows("SELECT certainty FROM events WHERE id = ?", (claim,))[0][0])
        if h.bloc or h.claim:
            held.append(h)
    return held


def changes(rows: Rows, front: str | None, since: str, until: str) -> list[Handover]:
    """The confirmed captures on `front` (every front when None) from `since` to `until`, oldest first."""
    where, params = "e.date BETWEEN ? AND ?", [since, until]
    if front:
        where += " AND e.front = ?"
        params.append(front)
    return [_handover(r) for r in rows(_CAPTURES.format(captures=capture("e"), where=where), params)]
