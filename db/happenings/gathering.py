"""Gathering the candidate pairs for a batch of queued events: each event of another origin that is
near a queued one in place and whose period, widened by the window's days, meets the queued one's.

A queued event may only be linked to an event of another origin (matching.py). The batch's queued
events are held by place (the places within reach of each, Places) and date; the candidates are read
once each, as a stream, and each is paired with the queued events it is near. Which index reads them
depends on the store: when the events of the other origins are few (a dataset beside a few reports,
or a report beside a dataset whose rows are few there), by the source index over the batch's dates;
when they are many, by the (place, date) index over the dates the batch's events at each place want:
their days, widened by the window's, and a month before for the accounts dated to a period (a week,
a month, a range) that may have begun earlier and still overlap. The events at no place but a point
are few and read by their own (place IS NULL, date) range. The rules decide afterwards: this only
narrows, and memory holds the batch, never the candidates.
"""

from __future__ import annotations

import math
import sqlite3
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache
from operator import itemgetter

from ..rules import period_end
from .matching import AREA_KINDS, DATASET_KINDS, PRECISION_KM, Window, families, km_between

# An event's origin: a dataset's rows are one origin (the dataset merged its reports already).
ORIGIN = (f"CASE WHEN s.kind IN ({', '.join(repr(k) for k in sorted(DATASET_KINDS))}) THEN s.kind "
          "ELSE coalesce(e.source, '') END")
_AREAS = ", ".join(f"'{k}'" for k in AREA_KINDS)
# How roughly an event is placed, in km: its own stated precision, else its place's when that is an
# area, else its location_precision word's (matching.PRECISION_KM).
PRECISION = (f"coalesce(e.precision_km, CASE WHEN p.kind IN ({_AREAS}) THEN p.precision_km END, "
             "CASE e.location_precision "
             + " ".join(f"WHEN '{w}' THEN {km:g}" for w, km in PRECISION_KM.items()) + " ELSE 0 END)")
COLUMNS = (f"e.id, {ORIGIN} AS origin, e.event_type, e.source_type, e.date, {period_end('e')} AS ends, "
           "e.place, coalesce(e.lat, p.lat) AS lat, coalesce(e.lon, p.lon) AS lon, e.certainty, "
           f"e.date_precision, e.happening, e.linked_by_hand, e.reviewed, {PRECISION} AS precision")
FROM = "events e LEFT JOIN places p ON p.id = e.place LEFT JOIN sources s ON s.id = e.source"
# The blocs of the parties an event names, "+" before those who acted (actor, ally): read with each
# candidate, through the (event, faction, role) key, so the pairs can be decided as they stream.
BLOCS = ("(SELECT group_concat(CASE WHEN ef.role IN ('actor', 'ally') THEN '+' ELSE '' END || f.bloc) "
         "FROM event_factions ef JOIN factions f ON f.slug = ef.faction WHERE ef.event = e.id)")
LINK_COLUMNS = f"{COLUMNS}, {BLOCS} AS blocs"
# Split by hand: it stands alone, and nothing is linked to it.
LINKABLE = "NOT (e.linked_by_hand IS NOT NULL AND e.happening IS NULL)"
FEW = 50_000  # other origins' events read whole into memory at most
Row = Sequence  # a row of LINK_COLUMNS: id, origin, type, source type, start, end, place, lat, lon, …, blocs
# A candidate dated to a period may begin this many days before a queued event's window and still be
# gathered (a month-dated account holds its month's days); a longer period is gathered only from its
# own side, when it is the one queued.
LONGEST = 31
# A place that is not an area may hold a dataset's "near" point: the roughest a point event there is.
UNSTATED_KM = PRECISION_KM["near"]


class Places:
    """Every located place, to find those an event placed at a point, `extra` km roughly, may share a
    happening with: within the window's km widened by both precisions (matching.reach). Places placed
    more roughly than the window (regions, roads, a governorate) are few and checked one by one; the
    others sit on a grid."""

    def __init__(self, conn: sqlite3.Connection, km: float) -> None:
        self._fill(km, conn.execute(
            f"SELECT id, lat, lon, CASE WHEN kind IN ({_AREAS}) THEN precision_km END FROM places "
            "WHERE lat IS NOT NULL AND lon IS NOT NULL"))

    def _fill(self, km: float, rows: Iterable[tuple[str, float, float, float | None]]) -> None:
        self.km = km
        self.cell = max(km / 111.0, 0.02)
        self.grid: dict[tuple[int, int], list[tuple[str, float, float, float]]] = defaultdict(list)
        self.wide: list[tuple[str, float, float, float]] = []
        self.points: dict[str, tuple[float, float]] = {}
        self.rough: dict[str, float] = {}
        for pid, lat, lon, precision in rows:
            rough = precision or 0.0
            if rough > max(km, UNSTATED_KM):
                self.wide.append((pid, lat, lon, rough))
            else:
                self.grid[(math.floor(lat / self.cell), math.floor(lon / self.cell))].append(
                    (pid, lat, lon, rough))
            self.points[pid], self.rough[pid] = (lat, lon), rough
        self._around: dict[tuple, list[tuple[str, bool]]] = {}  # most events share their place: each
        # looked up once (emptied each batch: a store's worth of points would be a store's worth of memory)

    def among(self, ids: Iterable[str]) -> Places:
        """Only these of the places (those located): near() then says which of them a point is near."""
        sub = object.__new__(Places)
        sub._fill(self.km, ((p, *self.points[p], self.rough[p]) for p in ids if p in self.points))
        return sub

    def near(self, lat: float, lon: float, extra: float = 0.0) -> list[str]:
        # A grid place's events are placed no more roughly than UNSTATED_KM (or the window's km).
        span = self.km + extra + max(self.km, UNSTATED_KM)
        y, x = math.floor(lat / self.cell), math.floor(lon / self.cell)
        dy_reach = 1 + int(span / (111.0 * self.cell))
        dx_reach = 1 + int(span / (111.0 * self.cell * max(math.cos(math.radians(lat)), 0.1)))
        return [pid for dy in range(-dy_reach, dy_reach + 1) for dx in range(-dx_reach, dx_reach + 1)
                for pid, plat, plon, _ in self.grid.get((y + dy, x + dx), ())
                if km_between(lat, lon, plat, plon) <= span] + [
            pid for pid, plat, plon, rough in self.wide
            if km_between(lat, lon, plat, plon) <= self.km + extra + rough]

    def around(self, r: Row) -> list[tuple[str, bool]]:
        """The places within the window of event row `r` (its own first), each with whether an account
        placed exactly at the place's point is within its reach (matching.reach)."""
        key = (r[6], r[7], r[8], r[14])
        if (known := self._around.get(key)) is not None:
            return known
        lat, lon, extra = r[7], r[8], r[14] or 0.0
        found = self.near(lat, lon, extra) if lat is not None and lon is not None else []
        out = self._around[key] = [
            (place, place == r[6] or lat is None or lon is None or (point := self.points.get(place)) is None
             or km_between(lat, lon, *point) <= self.km + extra)
            for place in ([r[6], *(p for p in found if p != r[6])] if r[6] else found)]
        return out


@lru_cache(maxsize=1 << 16)
def day(iso: str) -> int:
    """An ISO date as a day number (date.toordinal)."""
    return date.fromisoformat(iso).toordinal()


def iso(number: int) -> str:
    return date.fromordinal(number).isoformat()


Entry = tuple[int, int, Row]  # a queued event's first and last day, and its row
# Queued events near one place: whether an account exactly at its point is within their reach, the
# families of their types, the first days of those of a month at most, them, the longest of them less
# a day, and the longer ones.
Shelf = tuple[bool, frozenset[str], list[int], list[Entry], int, list[Entry]]


class _Queued:
    """A batch's queued events of one origin, by the places within their reach and by date, to pair each
    candidate with the queued events it is near: its period, widened by the window's days, meets
    theirs, and it begins at most LONGEST days before their window. At each place they are kept apart
    by the families of their type, and by whether an account placed exactly at the place's point is
    within their reach (matching.reach): most candidates are such, and most pairs the rules would
    refuse for their types or their distance are then never formed."""

    def __init__(self, group: list[Row], places: Places, window: Window) -> None:
        self.days, self.points = window.days, places.points
        by_key: dict[tuple[str | None, bool, frozenset[str]], list[Entry]] = defaultdict(list)
        for r in group:
            entry, kinds = (day(r[4]), day(r[5] or r[4]), r), families(r[2], r[3])
            for place, close in places.around(r):
                by_key[(place, close, kinds)].append(entry)
            if r[7] is not None and r[8] is not None:  # at a point: an unplaced candidate may be near
                by_key[(None, True, kinds)].append(entry)
        # Those of a month's days at most by their first day; the longer (a year, a long range) apart.
        self.at: dict[str | None, list[Shelf]] = defaultdict(list)
        for (place, close, kinds), entries in by_key.items():
            brief = sorted((e for e in entries if e[1] - e[0] <= LONGEST), key=itemgetter(0))
            self.at[place].append((close, kinds, [e[0] for e in brief], brief,
                                   max((e[1] - e[0] for e in brief), default=0),
                                   [e for e in entries if e[1] - e[0] > LONGEST]))

    def places(self) -> set[str]:
        return {p for p in self.at if p is not None}

    def windows(self, place: str | None) -> list[tuple[int, int]]:
        """The windows of the queued events near `place`: their periods widened by the window's days."""
        return [(first - self.days, last + self.days) for *_, brief, _, long in self.at.get(place, ())
                for first, last, _ in (*brief, *long)]

    def meeting(self, c: Row, place: str | None) -> Iterator[Row]:
        """The queued events near `place` (None: any at a point) whose windows candidate row `c` meets
        and whose types are of a family of its type."""
        first, last, days = day(c[4]), day(c[5] or c[4]), self.days
        latest = min(last + days, first + days + LONGEST)  # the latest first day a queued one may have
        kinds = families(c[2], c[3])
        exact = not c[14] and place is not None and self.points.get(place) == (c[7], c[8])
        for close, theirs, starts, brief, span, long in self.at.get(place, ()):
            if (exact and not close) or not kinds & theirs:
                continue
            for i in range(bisect_left(starts, first - days - span), bisect_right(starts, latest)):
                q_first, q_last, q = brief[i]
                if q_last >= first - days and q[0] != c[0]:
                    yield q
            for q_first, q_last, q in long:
                if q_first <= latest and q_last >= first - days and q[0] != c[0]:
                    yield q


def merged(windows: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The windows merged where they meet, each with the first day a period-dated candidate that may
    still overlap it can begin (LONGEST days before, or just after the previous window)."""
    out: list[tuple[int, int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][2] + 1:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], hi))
        else:
            out.append((max(lo - LONGEST, out[-1][2] + 1) if out else lo - LONGEST, lo, hi))
    return out


class Gatherer:
    """The store's sources by origin, read once a linking pass, and the pairs of each batch."""

    def __init__(self, conn: sqlite3.Connection, window: Window) -> None:
        self.conn, self.window = conn, window
        self.places = Places(conn, window.km)
        kinds = dict(conn.execute("SELECT id, kind FROM sources"))
        self.events: dict[str, int] = {}  # origin -> its events in the store
        self.sources: dict[str, list[str]] = defaultdict(list)  # origin -> its sources
        for source, n in conn.execute("SELECT source, count(*) FROM events GROUP BY source"):
            origin = kinds.get(source) if kinds.get(source) in DATASET_KINDS else (source or "")
            self.events[origin] = self.events.get(origin, 0) + n
            self.sources[origin].append(source)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS link_near "
                     "(place TEXT NOT NULL, since TEXT NOT NULL, lo TEXT NOT NULL, hi TEXT NOT NULL)")

    @property
    def origins(self) -> int:
        return len(self.events)

    def others(self, origin: str) -> bool:
        """Whether the store holds events of an origin other than `origin`."""
        return any(o != origin for o in self.events)

    def pairs(self, todo: list[Row]) -> Iterator[tuple[Row, list[Row]]]:
        """Each candidate of the queued events of `todo` (an event of another origin near one of them
        in place and time) with the queued events it is near. Streamed: a candidate is read once
        however many queued events it is near."""
        self.places._around.clear()
        by_origin: dict[str, list[Row]] = defaultdict(list)
        for r in todo:
            by_origin[r[1]].append(r)
        for origin, group in by_origin.items():
            others = [o for o in self.events if o != origin]
            if not others:
                continue
            pointed = [r for r in group if r[7] is not None and r[8] is not None]
            unplaced = self._unplaced(origin, pointed)
            if sum(self.events[o] for o in others) <= FEW:
                # The other origins' events of the batch's dates are few (FEW at most) and read first:
                # only the queued events near one of their places are then looked at.
                rows = self._of_sources([s for o in others for s in self.sources[o]], group)
                if not rows and not unplaced:
                    continue
                there = {c[6] for c in rows}
                sub = self.places.among(there)
                group = [r for r in group if r[6] in there or (r[7] is not None and r[8] is not None and (
                    unplaced or sub.near(r[7], r[8], r[14] or 0.0)))]
                queued = _Queued(group, self.places, self.window)
            else:
                queued = _Queued(group, self.places, self.window)
                rows = self._by_place(origin, queued)
            for c in rows:
                if near := list(queued.meeting(c, c[6])):
                    yield c, near
            km = self.window.km
            for c in unplaced:
                if near := [q for q in queued.meeting(c, None)
                            if km_between(q[7], q[8], c[7], c[8]) <= km + (q[14] or 0) + (c[14] or 0)]:
                    yield c, near

    def _span(self, group: list[Row]) -> tuple[str, str]:
        """The dates the events of `group` may meet a candidate over (one beginning LONGEST days before)."""
        return (iso(min(day(r[4]) for r in group) - self.window.days - LONGEST),
                iso(max(day(r[5] or r[4]) for r in group) + self.window.days))

    def _of_sources(self, sources: list[str], group: list[Row]) -> list[Row]:
        """The other origins' events at a place in the batch's dates, by the source index."""
        named = [s for s in sources if s is not None]
        # A parameter each, which the planner sees through, and `+e.date` to keep it off the date index,
        # which on a large store walks every event of the batch's dates.
        either = [f"e.source IN ({', '.join('?' * len(named))})"] if named else []
        either += ["e.source IS NULL"] if None in sources else []
        if not either:
            return []
        return self.conn.execute(
            f"SELECT {LINK_COLUMNS} FROM {FROM} WHERE ({' OR '.join(either)}) AND +e.date BETWEEN ? AND ? "
            f"AND e.place IS NOT NULL AND {LINKABLE}", (*named, *self._span(group))).fetchall()

    def _by_place(self, origin: str, queued: _Queued) -> Iterator[Row]:
        """The other origins' events at the places near the batch's, each over the dates the queued
        events near it want, by the (place, date) index: a period-dated one from a month before."""
        self.conn.execute("DELETE FROM temp.link_near")
        self.conn.executemany("INSERT INTO temp.link_near VALUES (?, ?, ?, ?)", [
            (place, iso(since), iso(lo), iso(hi)) for place in sorted(queued.places())
            for since, lo, hi in merged(queued.windows(place))])
        return self.conn.execute(
            f"SELECT {LINK_COLUMNS} FROM temp.link_near n CROSS JOIN events e ON e.place = n.place "
            f"AND e.date BETWEEN n.since AND n.hi LEFT JOIN places p ON p.id = e.place "
            f"LEFT JOIN sources s ON s.id = e.source WHERE (e.date >= n.lo OR {period_end('e')} >= n.lo) "
            f"AND {ORIGIN} != ? AND {LINKABLE}", (origin,))

    def _unplaced(self, origin: str, pointed: list[Row]) -> list[Row]:
        """The other origins' events placed at a point but at no place of the gazetteer (an extraction's
        "hills east of Khanasir") in the dates of the queued events at a point: few, read by the
        (place IS NULL, date) range."""
        if not pointed:
            return []
        return self.conn.execute(
            f"SELECT {LINK_COLUMNS} FROM {FROM} WHERE e.place IS NULL AND e.lat IS NOT NULL "
            f"AND e.date BETWEEN ? AND ? AND {ORIGIN} != ? AND {LINKABLE}",
            (*self._span(pointed), origin)).fetchall()

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.link_near")
