"""Putting every event on its front, set-based, in one savepoint, tallies kept exact.

An event's front is, in this order (README "How fronts are decided"):
1. a front the user defined: by area (box or polygon, holding the event's point; the smallest wins),
   else by divisions (naming the event's first-level division);
2. a bundled front whose area holds the event's point;
3. its first-level division: the row's admin1, else its place's, else the division of the bundled
   boundaries holding its point; a front per division and country (whatever its spelling), named as
   the division is first written; a bundled front named as a division (Deir Ezzor, Raqqa) is that
   division's front;
   an event known only to its country goes on "<Country> (country-wide)";
4. "Other": no point, no division, no country.

Python decides once per distinct point and once per distinct (country, division); SQL applies the
answers to every event in a few statements. Events that move are taken out of the tallies under their
old front and put back under the new one in one grouped statement each way, with the per-row trigger
set aside, so the tallies stay exactly what tallies.rebuild() would make.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..geography import Atlas, atlas, name_key, variant_key
from .areas import Definition, parse

USER, BUNDLED, DIVISION, COUNTRY, OTHER = "user", "bundled", "division", "country", "other"
AUTO = (DIVISION, COUNTRY, OTHER)
SORT = {DIVISION: 1000, COUNTRY: 2000, OTHER: 9000}
OTHER_SLUG = "other"
CACHE_KIB = 64 * 1024
POINTS_KEPT = 100_000  # points whose areas are remembered (each decided once; a point recurs with other
# places or divisions), so that memory stays flat however many distinct points the events have
OTHER_TEXT = "Events with no location at all: no point, no first-level division and no country."
_BUCKET = "key, front, event_type, certainty, month, day_precise, side"
_SIDE = ("e.event_type AS event_type, e.certainty AS certainty, substr(e.date, 1, 7) AS month, "
         "e.date_precision = 'day' AS day_precise, e.side AS side, e.happening IS NULL AS counted")
_FACTS = "event_type, certainty, month, day_precise, side"
# The order in which the keys deciding fronts are met: fixed, so the fronts made for divisions are
# named and numbered the same each time.
_KEY_ORDER = "{x}.country, {x}.admin1, {x}.lat, {x}.lon, {x}.place"
_FACTS_F = "f.event_type, f.certainty, f.month, f.day_precise, f.side"
@dataclass
class Reassigned:
    moved: int = 0  # events whose front changed
    created: list[str] = field(default_factory=list)  # names of the fronts made for divisions
    removed: list[str] = field(default_factory=list)  # names of division fronts left with no event


@dataclass
class Rules:
    """The defined fronts, read once, and the division fronts found or made on the way."""

    conn: sqlite3.Connection
    user_areas: list[tuple[str, Definition]]
    user_divisions: list[tuple[str, Definition]]
    bundled_areas: list[tuple[str, Definition]]
    divisions: dict[tuple[str, str], str]  # (country key, division key) -> slug
    slugs: set[str]
    result: Reassigned
    _atlas: Atlas | None = None
    _keys: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    _points: dict[tuple[float, float], tuple[str | None, str | None]] = field(default_factory=dict)

    @classmethod
    def read(cls, conn: sqlite3.Connection, result: Reassigned) -> Rules:
        rows = conn.execute("SELECT slug, kind, country, admin1, definition, name FROM fronts").fetchall()
        rules = cls(conn, [], [], [], {}, {r[0] for r in rows}, result)
        named: dict[tuple[str, str], str] = {}
        for slug, kind, country, admin1, stored, name in rows:
            definition = parse(stored) if kind in (USER, BUNDLED) else None
            if definition is not None and definition.is_area:
                (rules.user_areas if kind == USER else rules.bundled_areas).append((slug, definition))
            elif definition is not None and kind == USER:
                rules.user_divisions.append((slug, definition))
            elif kind in (DIVISION, COUNTRY):
                rules.divisions.setdefault(rules.key(country or "", admin1 or ""), slug)
            if kind == BUNDLED and country and rules.atlas.region(country, name) is not None:
                named[rules.key(country, name)] = slug
        # A bundled front named as a division is (Deir Ezzor, Raqqa) also takes that division's events
        # outside its area, in whatever spelling a dataset gives it (Deir-ez-Zor, Dayr az Zawr): one
        # front for one place, not two a reader must tell apart.
        rules.divisions.update(named)
        for areas in (rules.user_areas, rules.bundled_areas):
            areas.sort(key=lambda a: (a[1].size(), a[0]))
        return rules

    @property
    def atlas(self) -> Atlas:
        if self._atlas is None:
            self._atlas = atlas()
        return self._atlas

    def key(self, country: str, admin1: str) -> tuple[str, str]:
        """Spellings of one division are one front: "Idleb" and "Idlib" both name Idlib."""
        if (country, admin1) not in self._keys:
            self._keys[country, admin1] = self._key(country, admin1)
        return self._keys[country, admin1]

    def _key(self, country: str, admin1: str) -> tuple[str, str]:
        found = self.atlas.country(country) if country else None
        region = self.atlas.region(country or None, admin1) if admin1 else None
        country_key = found.code if found else region.code if region and not country else name_key(country)
        # A division the boundaries do not know is keyed by what its spellings share across datasets and
        # eras (Banaadir, Banadir; Hauts-Bassins, Haut-Bassins; Azad Jammu & Kashmir, ... and Kashmir):
        # the atlas's own rule (geography.variant_key), never a looser key that drops vowels, which on a
        # country's real list of divisions makes Hunan, Henan and Hainan (or Adana and Aydin) one front.
        return country_key, (f"{region.code}:{region.name}" if region else
                             variant_key(admin1) if admin1 else "")

    def front(self, lat: float | None, lon: float | None, place: str | None, admin1: str | None,
              country: str | None, place_admin1: str | None) -> str:
        """The front of the events at one point, place, division and country (the rules, in order)."""
        point = lat is not None and lon is not None
        if point:
            held = self._points.get((lat, lon))
            if held is None:
                held = (self.area(lon, lat, self.user_areas), self.area(lon, lat, self.bundled_areas))
                if len(self._points) < POINTS_KEPT:
                    self._points[lat, lon] = held
            if held[0]:
                return held[0]
        admin1 = admin1 or place_admin1
        if point and (not admin1 or not country):
            found, region = self.atlas.locate(lon, lat)  # type: ignore[arg-type]
            country = country or (found.name if found else None)
            admin1 = admin1 or (region.name if region else None)
        user = self.user_division(admin1) if admin1 else None
        return (user or (held[1] if point else None) or self.division(country or "", admin1 or "")
                or OTHER_SLUG)

    def area(self, lon: float, lat: float, areas: list[tuple[str, Definition]]) -> str | None:
        return next((slug for slug, d in areas if d.covers_point(lon, lat)), None)

    def user_division(self, admin1: str) -> str | None:
        return next((slug for slug, d in self.user_divisions if d.covers_division(admin1)), None)

    def division(self, country: str, admin1: str) -> str | None:
        """The front of a division (or of a country's events known only to the country), made if new;
        None when neither is known."""
        if not admin1 and not country:
            return None
        key = self.key(country, admin1)
        if key not in self.divisions:
            kind = DIVISION if admin1 else COUNTRY
            name = admin1 if admin1 else f"{country} (country-wide)"
            clash = self.conn.execute("SELECT 1 FROM fronts WHERE name = ? COLLATE NOCASE",
                                      (name,)).fetchone()
            if clash and country and admin1:
                name = f"{admin1} ({country})"  # beside a defined front of the same name
            slug = self._free_slug([admin1 or f"{country} country-wide", f"{admin1} {country}"])
            self.conn.execute(
                "INSERT INTO fronts (slug, name, description, sort, bbox, kind, country, admin1) "
                "VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
                (slug, name, described(country, admin1), SORT[kind], kind, country or None, admin1 or None))
            self.divisions[key] = slug
            self.result.created.append(name)
        return self.divisions[key]

    def _free_slug(self, names: list[str]) -> str:
        from ..write.resolve import slugify  # one spelling of slugs for the whole store

        for candidate in (slugify(n) for n in names if n.strip()):
            if candidate not in self.slugs:
                break
        n = 2
        base = candidate
        while candidate in self.slugs:
            candidate, n = f"{base}-{n}", n + 1
        self.slugs.add(candidate)
        return candidate


def described(country: str | None, admin1: str | None) -> str:
    """A division's (or a country's) front, in words."""
    return (f"First-level division {admin1}" + (f", {country}" if country else "") + "." if admin1
            else f"Events located only to {country}, not to one of its divisions.")


def ensure_other(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO fronts (slug, name, description, sort, kind) VALUES (?, 'Other', ?, ?, ?) "
                 "ON CONFLICT (slug) DO UPDATE SET description = excluded.description, kind = excluded.kind, "
                 "sort = excluded.sort", (OTHER_SLUG, OTHER_TEXT, SORT[OTHER], OTHER))


def reassign(conn: sqlite3.Connection, events: Iterable[str] | None = None, *,
             rowids: str | None = None) -> Reassigned:
    """Put every event (or only `events`, by id, or only those whose rowids are in the temporary table
    `rowids`, as an import leaves them) on its front, in one savepoint: all or nothing, and inside the
    caller's transaction when there is one."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    # The front index is written all over when many events move: a larger page cache while they do.
    # Not after an import (`rowids`): it decided its events' fronts by area already, few of them move,
    # and the cache would only hold the pages it read (memory, not speed).
    if rowids is None:
        conn.execute(f"PRAGMA cache_size = {-max(CACHE_KIB, abs(cache) if cache < 0 else 0)}")
    conn.execute("SAVEPOINT reassign")
    try:
        result = _reassign(conn, events, rowids)
    except BaseException:
        conn.execute("ROLLBACK TO reassign")
        conn.execute("RELEASE reassign")
        raise
    else:
        conn.execute("RELEASE reassign")
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
    return result


def after_import(conn: sqlite3.Connection, report: Any, rowids: str) -> None:
    """The events an import wrote (their rowids in the table `rowids`, write/bulk.py's WRITTEN) onto
    their fronts, inside its transaction (files/importing.py's `then`); the report's new fronts say what
    this made or emptied."""
    moved = reassign(conn, rowids=rowids)
    report.new_fronts = [*(n for n in report.new_fronts if n not in moved.removed),
                         *(n for n in moved.created if n not in report.new_fronts)]


def _reassign(conn: sqlite3.Connection, events: Iterable[str] | None, rowids: str | None) -> Reassigned:
    result = Reassigned()
    # The "other" front an import made (or an older store has) is the one kept here, and says what it is.
    conn.execute("UPDATE fronts SET name = 'Other', kind = ?, sort = ?, description = ? WHERE slug = ?",
                 (OTHER, SORT[OTHER], OTHER_TEXT, OTHER_SLUG))
    rules = Rules.read(conn, result)
    base = "events e"
    if events is not None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS front_scope (id TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("DELETE FROM temp.front_scope")
        conn.executemany("INSERT OR IGNORE INTO temp.front_scope (id) VALUES (?)", ((i,) for i in events))
        base = "temp.front_scope s CROSS JOIN events e ON e.id = s.id"
    elif rowids is not None:
        base = f"{rowids} s CROSS JOIN events e ON e.rowid = s.rowid"
    # executescript() would commit the caller's transaction: one statement at a time.
    for sql in (
        "CREATE TEMP TABLE IF NOT EXISTS front_keys (lat REAL, lon REAL, place TEXT, admin1 TEXT, "
        "country TEXT, front TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS temp.front_keys_all ON front_keys (lat, lon, place, admin1, country)",
        "CREATE TEMP TABLE IF NOT EXISTS front_moves (rowid INTEGER PRIMARY KEY, front TEXT NOT NULL)",
        "DELETE FROM temp.front_keys", "DELETE FROM temp.front_moves",
    ):
        conn.execute(sql)
    if base == "events e":
        _decide_distinct(conn, rules)
    else:
        _decide_each(conn, rules, base)
    result.moved = conn.execute("SELECT count(*) FROM temp.front_moves").fetchone()[0]
    if result.moved:
        if conn.execute(f"SELECT 1 FROM temp.front_moves WHERE front = '{OTHER_SLUG}' LIMIT 1").fetchone():
            ensure_other(conn)
        _move(conn)
    # A division front made for some of the events may hold places no event names yet: they go on it
    # as they would when every event is reassigned.
    _place_fronts(conn, rules, base == "events e" or bool(result.created))
    _drop_empty(conn, result)
    return result


def _decide_distinct(conn: sqlite3.Connection, rules: Rules) -> None:
    """Every event: its front decided once per distinct (point, place, division, country), which a
    whole store has few of for its many events; then the events whose front changes, by a join."""
    # Read as they are decided, never all held: a store may have as many distinct points as events.
    keys = conn.execute(
        "SELECT k.lat, k.lon, k.place, k.admin1, k.country, p.admin1 FROM (SELECT DISTINCT e.lat, e.lon, "
        "e.place, e.admin1, e.country FROM events e) k LEFT JOIN places p ON p.id = k.place "
        f"ORDER BY {_KEY_ORDER.format(x='k')}")
    conn.executemany("INSERT INTO temp.front_keys VALUES (?, ?, ?, ?, ?, ?)",
                     ((*key[:5], rules.front(*key)) for key in keys))
    conn.execute(
        "INSERT INTO temp.front_moves (rowid, front) SELECT e.rowid, k.front FROM events e "
        "CROSS JOIN temp.front_keys k ON k.lat IS e.lat AND k.lon IS e.lon AND k.place IS e.place "
        "AND k.admin1 IS e.admin1 AND k.country IS e.country WHERE k.front IS NOT e.front")


def _decide_each(conn: sqlite3.Connection, rules: Rules, base: str) -> None:
    """Some events (an import's, a report's): read once, sorted by what decides their front, each run
    of equal keys decided once and the events whose front changes noted as they are read. An import's
    events have nearly as many distinct points as rows: a pass over them costs less than gathering the
    distinct keys, storing their fronts and joining the events back to them (2.5 CPU s per 100k rows)."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: a row object for each of an import's events costs more
    rows = cursor.execute(
        "SELECT e.rowid, e.front, e.lat, e.lon, e.place, e.admin1, e.country, p.admin1 "
        f"FROM {base} LEFT JOIN places p ON p.id = e.place ORDER BY {_KEY_ORDER.format(x='e')}")

    def moves() -> Iterator[tuple[int, str]]:
        last, front = None, ""
        for rowid, was, *key in rows:
            if key != last:  # the same order as _decide_distinct's keys: divisions made alike
                last, front = key, rules.front(*key)
            if front != was:
                yield rowid, front

    conn.executemany("INSERT INTO temp.front_moves (rowid, front) VALUES (?, ?)", moves())


def _move(conn: sqlite3.Connection) -> None:
    """Move the events in temp.front_moves, the tallies with them, the per-row trigger set aside. The
    tallies change by bucket: each moving event is read once, and counted out of its old front's
    buckets and into its new front's (key '' and each of its faction keys)."""
    for sql in (
        "DROP TABLE IF EXISTS temp.front_facts",
        "CREATE TEMP TABLE front_facts AS SELECT e.id AS id, e.front AS old, m.front AS new, "
        f"{_SIDE} FROM temp.front_moves m CROSS JOIN events e ON e.rowid = m.rowid "
        "ORDER BY e.id",  # in event order, the faction keys below are read in their index's order
        "DROP TABLE IF EXISTS temp.front_deltas",
        # Only the events leading a happening are counted (db/tallies.py).
        f"CREATE TEMP TABLE front_deltas AS SELECT '' AS key, old, new, {_FACTS}, count(*) AS n "
        f"FROM temp.front_facts WHERE counted GROUP BY old, new, {_FACTS}",
        f"INSERT INTO temp.front_deltas SELECT k.key, f.old, f.new, {_FACTS_F}, count(*) "
        "FROM temp.front_facts f CROSS JOIN event_keys k ON k.event = f.id WHERE f.counted "
        f"GROUP BY k.key, f.old, f.new, {_FACTS_F}",
        f"INSERT INTO tallies ({_BUCKET}, n) SELECT key, front, {_FACTS}, sum(n) FROM ("
        f"SELECT key, old AS front, {_FACTS}, -n AS n FROM temp.front_deltas "
        f"UNION ALL SELECT key, new, {_FACTS}, n "
        f"FROM temp.front_deltas) WHERE true GROUP BY 1, 2, 3, 4, 5, 6, 7 "
        f"ON CONFLICT ({_BUCKET}) DO UPDATE SET n = n + excluded.n",
    ):
        conn.execute(sql)
    trigger = conn.execute("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' "
                           "AND name = 'tally_event_update'").fetchone()
    if trigger:
        conn.execute("DROP TRIGGER main.tally_event_update")
    conn.execute("UPDATE events SET front = m.front FROM temp.front_moves m WHERE events.rowid = m.rowid")
    if trigger:
        conn.execute(trigger[0])
    conn.execute("DROP TABLE temp.front_facts")
    conn.execute("DROP TABLE temp.front_deltas")


def _place_fronts(conn: sqlite3.Connection, rules: Rules, every: bool) -> None:
    """A place goes on the front most of its events are on; a place no event names yet (reassigning
    every event) on the front an event at it would be: an import that names the place again, or a
    report that mentions it, finds it there."""
    conn.execute(
        "UPDATE places SET front = (SELECT e.front FROM events e WHERE e.place = places.id "
        "GROUP BY e.front ORDER BY count(*) DESC, e.front LIMIT 1) WHERE id IN (SELECT DISTINCT e.place "
        "FROM temp.front_moves m CROSS JOIN events e ON e.rowid = m.rowid WHERE e.place IS NOT NULL)")
    if not every:
        return
    places = conn.execute("SELECT p.id, p.lat, p.lon, p.admin1, p.front FROM places p WHERE NOT EXISTS "
                          "(SELECT 1 FROM events e WHERE e.place = p.id)").fetchall()
    changes = []
    for pid, lat, lon, admin1, front in places:
        point = lat is not None and lon is not None
        country = None
        if point:
            found, region = rules.atlas.locate(lon, lat)
            country = found.name if found else None
            admin1 = admin1 or (region.name if region else None)
        new = ((rules.area(lon, lat, rules.user_areas) if point else None)
               or (rules.user_division(admin1) if admin1 else None)
               or (rules.area(lon, lat, rules.bundled_areas) if point else None)
               or rules.divisions.get(rules.key(country or "", admin1 or "")) or front)
        if new != front:
            changes.append((new, pid))
    conn.executemany("UPDATE places SET front = ? WHERE id = ?", changes)


def _drop_empty(conn: sqlite3.Connection, result: Reassigned) -> None:
    """Division and country fronts no event is on any more go; a place still on one goes on "Other"
    (a report naming it is then put on its front by the next reassignment)."""
    marks = ", ".join("?" * len(AUTO))
    empty = conn.execute(
        f"SELECT slug, name FROM fronts f WHERE kind IN ({marks}) "
        "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.front = f.slug)", AUTO).fetchall()
    stranded = [(slug,) for slug, _ in empty if slug != OTHER_SLUG]
    if conn.execute(f"SELECT 1 FROM places WHERE front IN ({', '.join('?' * len(stranded))}) LIMIT 1",
                    [s for (s,) in stranded]).fetchone() if stranded else None:
        ensure_other(conn)
        conn.executemany(f"UPDATE places SET front = '{OTHER_SLUG}' WHERE front = ?", stranded)
    conn.executemany("DELETE FROM fronts WHERE slug = ?", stranded)
    if not conn.execute(f"SELECT 1 FROM places WHERE front = '{OTHER_SLUG}' LIMIT 1").fetchone():
        conn.execute(f"DELETE FROM fronts WHERE slug = '{OTHER_SLUG}' AND NOT EXISTS "
                     f"(SELECT 1 FROM events WHERE front = '{OTHER_SLUG}')")
    conn.execute("DELETE FROM tallies WHERE n = 0")
    gone = {name for slug, name in empty if not conn.execute(
        "SELECT 1 FROM fronts WHERE slug = ?", (slug,)).fetchone()}
    result.removed = [name for name in gone if name not in result.created]
    result.created = [name for name in result.created if name not in gone]
