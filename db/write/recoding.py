"""Giving the factions an import made the bloc their actor codes say (write/codes.py), as later rows
give them codes that say more: a part of the resolver (write/resolve.py), kept apart for its size."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..reference import Reference
from ..rules import SIDE_ROLES_SQL
from ..schema import bundled_blocs
from ..tallies import SIDE
from .codes import code_bloc, code_rank, stronger

if TYPE_CHECKING:
    from .resolve import Created

# An event's side (db/tallies.py SIDE), for the events of faction ?1, when a faction's bloc changes
# after its events were written (row by row, the triggers then keep the tallies).
_RESIDE = (f"UPDATE events SET side = {SIDE.format(x='events.id')} "
           "WHERE id IN (SELECT event FROM event_factions "
           f"WHERE faction = ?1 AND role IN ({SIDE_ROLES_SQL}))")


@cache
def _bundled_blocs() -> dict[str, dict]:
    return {b["slug"]: b for b in bundled_blocs()}


class Recoding:
    """The resolver's blocs by code: the factions ranked by the codes that gave their bloc, and the
    units that follow their force's."""

    conn: sqlite3.Connection
    ref: Reference
    _ranks: dict[str, int]
    _units: dict[str, list[str]]
    _undo: list[Callable[[], None]]
    _writing: Callable[[], None]  # the resolver's: opens the row's savepoint
    created: Created

    def _unit_gone(self, parent: str | None, slug: str) -> None:
        if slug in self._units.get(parent or "", ()):
            self._units[parent or ""].remove(slug)

    def _recode(self, slug: str, inter: str | None) -> str:
        """A faction this import made (or an earlier one left in "other"), named again with an actor code:
        its bloc is the one its highest-ranked codes say, the first in bloc order among them (codes.py),
        its force's and its units' with it. The events already written with it take their side again
        (events.side; the triggers keep the tallies; a bulk write that staged events with the old side
        puts them right as it closes, write/bulk.py)."""
        rank, bloc = code_rank(inter), code_bloc(inter)
        if bloc is not None and (rank > self._ranks[slug] or (rank == self._ranks[slug]
                                 and stronger(bloc, self.ref.factions[slug].bloc))):
            self._rebloc(slug, bloc, rank)
        return slug

    def _rebloc(self, slug: str, bloc: str, rank: int) -> None:
        was, before = self._ranks[slug], self.ref.factions[slug]
        if "bloc" in before.edited:  # a user's choice outranks any code (store/editing.py)
            if bloc != before.bloc:
                self.created.by_hand.add(slug)
            return
        self._ranks[slug] = rank
        self._undo.append(lambda: (self._ranks.__setitem__(slug, was),
                                   self.ref.factions.__setitem__(slug, before)))
        if bloc != before.bloc:
            self._ensure_bloc(bloc)
            self._writing()
            self.conn.execute("UPDATE factions SET bloc = ? WHERE slug = ?", (bloc, slug))
            if self._row_by_row():
                self.conn.execute(_RESIDE, (slug,))
            self.ref.factions[slug] = replace(before, bloc=bloc)
        related = [before.parent, *self._units.get(slug, ())]
        for other in related:  # the force an era or unit was made under, and the units on its side
            if other in self._ranks and (self._ranks[other] < rank or (
                    self._ranks[other] == rank and stronger(bloc, self.ref.factions[other].bloc))):
                self._rebloc(other, bloc, rank)

    def _row_by_row(self) -> bool:
        """Whether events are written as their rows are resolved, the triggers keeping the derived
        tables; a bulk write (triggers set aside, events staged) puts its sides right itself, and in a
        process of its own (files/worker.py) the resolver has no connection."""
        return isinstance(self.conn, sqlite3.Connection) and self.conn.execute(
            "SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' AND name = 'side_party_insert'"
        ).fetchone() is not None

    def _ensure_bloc(self, bloc: str) -> None:
        """The bloc, added if the store lacks it: as the bundled blocs have it (a store made before
        the bloc was bundled), else named by its slug."""
        self._writing()
        given = _bundled_blocs().get(bloc, {"name": bloc, "sort": 99, "colour": None})
        self.conn.execute("INSERT OR IGNORE INTO blocs (slug, name, sort, colour) VALUES (?, ?, ?, ?)",
                          (bloc, given["name"], given["sort"], given["colour"]))
