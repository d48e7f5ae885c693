"""What a bulk write derives from each event it adds, worked out in Python from what it already holds:
the event's side, its faction keys and its tallies (db/tallies.py defines them; the triggers that keep
them row by row are set aside during a bulk write, db/write/bulk.py).

The factions' ancestors and blocs are read once; a faction the import creates is read when first met.
Tallies are counted in memory and written in one statement at the end (or whenever HELD of them are
held): a few thousand buckets instead of a grouped join over every event written. An event the write
changes (rather than adds) may follow another source's event in a happening (db/happenings/), which
the store alone knows: its tallies are counted by SQL (bulk.py), only its keys and side here.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

from ..rules import SIDE_ROLES
from .upsert import EVENT_COLUMNS

_BUCKET = "key, front, event_type, certainty, month, day_precise, side"
_ADD = (f"INSERT INTO tallies ({_BUCKET}, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        f"ON CONFLICT ({_BUCKET}) DO UPDATE SET n = n + excluded.n")
_NO_BLOC = None  # a faction whose bloc is not in the blocs table gives no side (the SQL's join drops it)
_FRONT, _TYPE, _CERTAINTY, _DATE, _PRECISION = (
    EVENT_COLUMNS.index(c) for c in ("front", "event_type", "certainty", "date", "date_precision"))
# Tallies held in memory at most: a file's events may have nearly as many distinct (factions, front,
# type, certainty, month, side) as rows (1M rows held 190 MB), so they are written out each time this
# many are held (each entry with its strings about 200 bytes: about 4 MB).
HELD = 20_000
Order = tuple[int, int, str]  # how blocs sort: SQLite's ORDER BY b.sort, b.slug (NULL first)


class Derived:
    """The sides, keys and tallies of one bulk write's events."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.tallies: Counter[tuple] = Counter()
        self._ancestors: dict[str, tuple[str, ...]] = {}
        for faction, ancestor in conn.execute("SELECT faction, ancestor FROM faction_ancestors"):
            self._ancestors[faction] = (*self._ancestors.get(faction, ()), ancestor)
        self._blocs: dict[str, Order | None] = {
            slug: _order(sort, bloc) for slug, sort, bloc in conn.execute(
                "SELECT f.slug, b.sort, b.slug FROM factions f JOIN blocs b ON b.slug = f.bloc")}
        # The bloc a faction takes in a country's war where it differs (faction_blocs, rules.PARTY_BLOCS).
        self._abroad: dict[tuple[str, str], Order] = {
            (faction, country): _order(sort, bloc) for faction, country, sort, bloc in conn.execute(
                "SELECT fb.faction, fb.country, b.sort, b.slug FROM faction_blocs fb "
                "JOIN blocs b ON b.slug = fb.bloc")}
        self._countries = {country for _, country in self._abroad}
        self._keys: dict[frozenset[str], tuple[str, ...]] = {}  # the keys of each set of factions met
        # The keys and side of each event's parties as sent ((faction, role), …): a file repeats a few
        # hundred combinations on every row, each worked out once.
        self._of: dict[tuple[tuple[str, str], ...], tuple[tuple[str, ...], str]] = {}

    def _read(self, faction: str) -> None:
        """A faction made since the write began (the resolver's, inside the same transaction)."""
        self._ancestors[faction] = tuple(a for (a,) in self.conn.execute(
            "SELECT ancestor FROM faction_ancestors WHERE faction = ?", (faction,)))
        row = self.conn.execute("SELECT b.sort, b.slug FROM factions f JOIN blocs b ON b.slug = f.bloc "
                                "WHERE f.slug = ?", (faction,)).fetchone()
        self._blocs[faction] = _order(*row) if row else _NO_BLOC

    def stale(self) -> list[str]:
        """The factions whose bloc changed since their events' sides were worked out here: an actor
        code met later (write/resolve.py Resolver._recode)."""
        now = {slug: _order(sort, bloc) for slug, sort, bloc in self.conn.execute(
            "SELECT f.slug, b.sort, b.slug FROM factions f JOIN blocs b ON b.slug = f.bloc")}
        return sorted(slug for slug, order in self._blocs.items() if now.get(slug, _NO_BLOC) != order)

    def of(self, parties: tuple[tuple[str, str], ...],
           country: str | None = None) -> tuple[tuple[str, ...], str]:
        """An event's faction keys and side (keys() and side()), from its ((faction, role), …) and the
        country it names (a faction's bloc may be another there)."""
        country = country if country in self._countries else None
        key = (parties, country)
        found = self._of.get(key)
        if found is None:
            if len(self._of) >= HELD:  # a file of ever new combinations: memory stays flat
                self._of.clear()
            found = self._of[key] = (self.keys(f for f, _ in parties), self.side(parties, country))
        return found

    def keys(self, factions: Iterable[str]) -> tuple[str, ...]:
        """An event's faction keys: each faction it names and each of their ancestors, once, sorted."""
        named = frozenset(factions)
        found = self._keys.get(named)
        if found is None:
            for faction in named - self._ancestors.keys():
                self._read(faction)
            found = tuple(sorted({a for f in named for a in self._ancestors[f]}))
            self._keys[named] = found
        return found

    def side(self, parties: Iterable[tuple[str, str]], country: str | None = None) -> str:
        """The bloc of an event's actors, else of its side A, the first in bloc order (rules.SIDE_ORDER),
        each faction's in the event's `country` where it has one there; '' when it names neither."""
        first: tuple[int, Order] | None = None
        for faction, role in parties:
            if role not in SIDE_ROLES:
                continue
            if faction not in self._blocs:
                self._read(faction)
            order = self._blocs[faction]
            order = self._abroad.get((faction, country), order) if country else order
            ranked = (role != SIDE_ROLES[0], order) if order is not None else None
            if ranked is not None and (first is None or ranked < first):
                first = ranked
        return first[1][2] if first else ""

    def count(self, keys: tuple[str, ...], fields: tuple, side: str) -> None:
        """An added event (`fields` in EVENT_COLUMNS order; it leads its happening: nothing links it
        before the import ends), counted under key '' and each of its faction keys."""
        # Counted by (keys, facts) here, each key's buckets once at the end: one count an event.
        self.tallies[keys, fields[_FRONT], fields[_TYPE], fields[_CERTAINTY], fields[_DATE][:7],
                     fields[_PRECISION] == "day", side] += 1
        if len(self.tallies) >= HELD:  # written as they are: the tallies add up, memory stays flat
            self.write()

    def write(self) -> None:
        """The counted tallies into the store, in their key's order."""
        buckets: Counter[tuple] = Counter()
        for (keys, *facts), n in self.tallies.items():
            facts[4] = int(facts[4])
            for key in ("", *keys):
                buckets[(key, *facts)] += n
        self.conn.executemany(_ADD, sorted((*bucket, n) for bucket, n in buckets.items()))
        self.tallies.clear()


def _order(sort: int | None, bloc: str) -> Order:
    return (0, 0, bloc) if sort is None else (1, sort, bloc)
