"""The store's lists of reference data, in the order the browser shows them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..models import Bloc, Faction, Front, Place, Source
from ..reference import faction_of, front_of, place_of
from .connection import Line


class Catalogue:
    def __init__(self, line: Line) -> None:
        self._rows = line.rows

    def blocs(self) -> list[Bloc]:
        return [Bloc(r["slug"], r["name"], r["sort"], r["colour"] or "#999999")
                for r in self._rows("SELECT * FROM blocs ORDER BY sort, name")]

    def fronts(self) -> list[Front]:
        return [front_of(r) for r in self._rows("SELECT * FROM fronts ORDER BY sort, name")]

    def factions(self) -> list[Faction]:
        """Every faction, by bloc, each parent followed by its units."""
        rows = self._rows(
            "SELECT f.* FROM factions f LEFT JOIN blocs b ON b.slug = f.bloc ORDER BY b.sort, f.name"
        )
        factions = [faction_of(r) for r in rows]
        units: dict[str | None, list[Faction]] = {}
        for f in factions:
            units.setdefault(f.parent, []).append(f)
        ordered: list[Faction] = []

        def visit(f: Faction) -> None:
            ordered.append(f)
            for unit in units.get(f.slug, ()):
                visit(unit)

        for top in units.get(None, ()):
            visit(top)
        seen = {f.slug for f in ordered}
        return ordered + [f for f in factions if f.slug not in seen]  # parents that are missing

    def blocs_in(self, fronts: Sequence[str]) -> dict[str, str]:
        """Each faction's bloc in the war of the one country `fronts` are of, where it differs from its
        own (faction_blocs: Russia's forces in Ukraine); none when the fronts are of no or several
        countries."""
        countries = {r[0] for r in self._rows("SELECT country FROM fronts WHERE slug IN "
                                              "(SELECT value FROM json_each(?))", [json.dumps(list(fronts))])}
        if len(countries) != 1 or None in countries:
            return {}
        return {r[0]: r[1] for r in self._rows("SELECT faction, bloc FROM faction_blocs WHERE country = ?",
                                               [countries.pop()])}

    def front_totals(self) -> dict[str, int]:
        """Events per front under no filter, from the tallies (exact at any size, one small read on
        this line: never the counts line, whose queries a key press interrupts)."""
        return {r[0]: r[1] for r in self._rows(
            "SELECT front, sum(n) FROM tallies WHERE key = '' GROUP BY front HAVING sum(n) > 0")}

    def places(self) -> list[Place]:
        return [place_of(r) for r in self._rows("SELECT * FROM places ORDER BY name")]

    def sources(self, ids: Sequence[str]) -> list[Source]:
        """The sources of these ids that the store holds (a store may hold one per article: never
        all of them at once)."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return []
        rows = self._rows(f"SELECT * FROM sources WHERE id IN ({', '.join('?' * len(ids))}) ORDER BY title",
                          ids)
        return [Source(r["id"], r["title"], r["publisher"], r["published"], r["url"], r["kind"])
                for r in rows]

    def event_types(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT event_type FROM events ORDER BY 1")]

    def date_span(self) -> tuple[str, str] | None:
        """The first and last event dates in the store, or None when it holds no events."""
        # Two queries: each of min() and max() alone is one step down the date index.
        first = self._rows("SELECT min(date) FROM events")[0][0]
        last = self._rows("SELECT max(date) FROM events")[0][0]
        return (first, last) if first else None
