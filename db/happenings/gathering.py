"""Gathering the candidate pairs for a batch of queued events, the smaller side driving.

A queued event may only be linked to an event of another origin (matching.py). Which side to start
from depends on the store: when the events of the other origins are few (a dataset beside a few
reports, or a report beside a dataset whose rows are few there), they are read once by the source
index and matched in memory by place; when they are many, each queued event's neighbourhood (its
places within the window's km and its date window) is looked up in the (place, date) index.
Either way the rules decide afterwards: this only narrows.
"""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from ..rules import period_end
from .matching import AREA_KINDS, DATASET_KINDS, PRECISION_KM, Window, km_between, window_end, window_start

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
# Split by hand: it stands alone, and nothing is linked to it.
LINKABLE = "NOT (e.linked_by_hand IS NOT NULL AND e.happening IS NULL)"
FEW = 50_000  # other origins' events read whole into memory at most
Row = Sequence  # a row of COLUMNS: id, origin, type, source type, start, end, place, lat, lon, …, precision
# A place that is not an area may hold a dataset's "near" point: the roughest a point event there is.
UNSTATED_KM = PRECISION_KM["near"]


class Places:
    """Every located place, to find those an event placed at a point, `extra` km roughly, may share a
    happening with: within the window's km widened by both precisions (matching.reach). Places placed
    more roughly than the window (regions, roads, a governorate) are few and checked one by one; the
    others sit on a grid."""

    def __init__(self, conn: sqlite3.Connection, km: float) -> None:
        self.km = km
        self.cell = max(km / 111.0, 0.02)
        self.grid: dict[tuple[int, int], list[tuple[str, float, float, float]]] = defaultdict(list)
        self.wide: list[tuple[str, float, float, float]] = []
        self.points: dict[str, tuple[float, float]] = {}
        for pid, lat, lon, precision in conn.execute(
                f"SELECT id, lat, lon, CASE WHEN kind IN ({_AREAS}) THEN precision_km END FROM places "
                "WHERE lat IS NOT NULL AND lon IS NOT NULL"):
            rough = precision or 0.0
            if rough > max(km, UNSTATED_KM):
                self.wide.append((pid, lat, lon, rough))
            else:
                self.grid[(math.floor(lat / self.cell), math.floor(lon / self.cell))].append(
                    (pid, lat, lon, rough))
            self.points[pid] = (lat, lon)
        self._around: dict[tuple, list[str]] = {}  # most events share their place: each looked up once

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

    def around(self, r: Row) -> list[str]:
        """The places within the window of event row `r` (its own first)."""
        key = (r[6], r[7], r[8], r[14])
        if (known := self._around.get(key)) is not None:
            return known
        found = self.near(r[7], r[8], r[14] or 0.0) if r[7] is not None and r[8] is not None else []
        out = self._around[key] = [r[6], *(p for p in found if p != r[6])] if r[6] else found
        return out


class Gatherer:
    """The store's sources by origin, read once a linking pass, and the two ways to gather pairs."""

    def __init__(self, conn: sqlite3.Connection, window: Window) -> None:
        self.conn, self.window = conn, window
        self._windows: dict[tuple[str, str], tuple[str, str]] = {}
        self.places = Places(conn, window.km)
        kinds = dict(conn.execute("SELECT id, kind FROM sources"))
        self.events: dict[str, int] = {}  # origin -> its events in the store
        self.sources: dict[str, list[str]] = defaultdict(list)  # origin -> its sources
        for source, n in conn.execute("SELECT source, count(*) FROM events GROUP BY source"):
            origin = kinds.get(source) if kinds.get(source) in DATASET_KINDS else (source or "")
            self.events[origin] = self.events.get(origin, 0) + n
            self.sources[origin].append(source)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS link_near "
                     "(qid TEXT NOT NULL, place TEXT NOT NULL, lo TEXT NOT NULL, hi TEXT NOT NULL)")

    @property
    def origins(self) -> int:
        return len(self.events)

    def pairs(self, todo: list[Row]) -> dict[str, list[Row]]:
        """Each queued event's candidates: events of another origin near it in place and time."""
        out: dict[str, list[Row]] = defaultdict(list)
        by_origin: dict[str, list[Row]] = defaultdict(list)
        for r in todo:
            by_origin[r[1]].append(r)
        for origin, group in by_origin.items():
            others = [o for o in self.events if o != origin]
            if not others:
                continue
            if sum(self.events[o] for o in others) <= FEW:
                self._from_the_others(group, [s for o in others for s in self.sources[o]], out)
            else:
                self._by_place(group, origin, out)
            self._unplaced(group, origin, out)
        return out

    def _window(self, r: Row) -> tuple[str, str]:
        key = (r[4], r[5])
        if (known := self._windows.get(key)) is None:
            known = self._windows[key] = (window_start(r[4], self.window.days),
                                          window_end(r[5] or r[4], self.window.days))
        return known

    def _from_the_others(self, group: list[Row], sources: list[str], out: dict[str, list[Row]]) -> None:
        """The other origins' events in the group's dates, read once, matched by place in memory."""
        lo = min(self._window(r)[0] for r in group)
        hi = max(self._window(r)[1] for r in group)
        named = [s for s in sources if s is not None]
        # By the source index (a parameter each, which the planner sees through, and `+e.date` to keep
        # it off the date index, which on a large store walks every event of the batch's dates).
        either = [f"e.source IN ({', '.join('?' * len(named))})"] if named else []
        either += ["e.source IS NULL"] if None in sources else []
        if not either:
            return
        rows = self.conn.execute(
            f"SELECT {COLUMNS} FROM {FROM} WHERE ({' OR '.join(either)}) AND +e.date BETWEEN ? AND ? "
            f"AND e.place IS NOT NULL AND {LINKABLE}", (*named, lo, hi)).fetchall()
        at: dict[str, list[Row]] = defaultdict(list)
        for c in rows:
            at[c[6]].append(c)
        if not at:
            return
        # The places within reach of any of them: a queued event elsewhere is passed over at once.
        hot = set(at)
        for place, here in at.items():
            if place in self.places.points:  # an event placed roughly reaches farther than its place
                hot.update(self.places.near(*self.places.points[place], max(c[14] or 0.0 for c in here)))
        for r in group:
            if r[6] is not None and r[6] not in hot:
                continue
            first, last = self._window(r)
            for place in self.places.around(r):
                out[r[0]].extend(c for c in at.get(place, ()) if first <= c[4] <= last and c[0] != r[0])

    def _by_place(self, group: list[Row], origin: str, out: dict[str, list[Row]]) -> None:
        """Each queued event's neighbourhood looked up in the (place, date) index."""
        near = [(r[0], place, *self._window(r)) for r in group for place in self.places.around(r)]
        if not near:
            return
        self.conn.execute("DELETE FROM temp.link_near")
        self.conn.executemany("INSERT INTO temp.link_near VALUES (?, ?, ?, ?)", near)
        for p in self.conn.execute(
                f"SELECT n.qid, {COLUMNS} FROM temp.link_near n CROSS JOIN events e ON e.place = n.place "
                "AND e.date BETWEEN n.lo AND n.hi LEFT JOIN places p ON p.id = e.place "
                f"LEFT JOIN sources s ON s.id = e.source WHERE e.id != n.qid AND {LINKABLE}"):
            if p[2] != origin:
                out[p[0]].append(p[1:])

    def _unplaced(self, group: list[Row], origin: str, out: dict[str, list[Row]]) -> None:
        """The other origins' events placed at a point but at no place of the gazetteer (an extraction's
        "hills east of Khanasir"): few, read by their own index over the group's dates."""
        placed = [r for r in group if r[7] is not None and r[8] is not None]
        if not placed:
            return
        lo = min(self._window(r)[0] for r in placed)
        hi = max(self._window(r)[1] for r in placed)
        rows = [c for c in self.conn.execute(
            f"SELECT {COLUMNS} FROM {FROM} WHERE e.place IS NULL AND e.lat IS NOT NULL "
            f"AND e.date BETWEEN ? AND ? AND {LINKABLE}", (lo, hi)) if c[1] != origin]
        for r in placed:
            first, last = self._window(r)
            out[r[0]].extend(
                c for c in rows if first <= c[4] <= last and c[0] != r[0]
                and km_between(r[7], r[8], c[7], c[8]) <= self.window.km + (r[14] or 0) + (c[14] or 0))

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.link_near")
