"""Which countries a faction an import made is of, so that a short label names it only there.

A label is shared across countries by unrelated organisations: UCDP's "NDC" (Nduma Defence of Congo,
DR Congo) is the label an import made for ACLED's Ghanaian "NDC: National Democratic Congress", and
"MSA" (Mali's Movement for the Salvation of Azawad) that of Armenia's "My Step Alliance"; a name without
ACLED's acronym may be another country's party of the same name. A match by a short label or by a name
without ACLED's acronym needs the row's country to be one of the faction's: the country its name gives
in brackets ("Civilians (Ghana)"), the countries of the events it holds in the store, and those of the
rows this import matched it on. A faction's own name still matches in any country when no faction of the
row's country answers to it: it is the name a dataset gives that organisation wherever it acts (UCDP's
"LRA" in Uganda, Sudan and DR Congo). A bundled faction (ISIS, the US-led coalition: the curated factions,
which act across borders), or one that holds no event of a known country, has no country and matches
everywhere; so does a row that names no country.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..geography import atlas, name_key

_BRACKET = re.compile(r"\(([^()]+)\)\s*$")  # ACLED's country after a name: "Protesters (Ghana)"


@lru_cache(maxsize=1 << 10)
def country_code(name: str | None) -> str | None:
    """The ISO code of the country a row names (ACLED's "Democratic Republic of Congo" and UCDP's "DR
    Congo (Zaire)" alike), else the name's key (two rows naming the same unknown country agree), else
    None for no country."""
    if not name or not name.strip():
        return None
    found = atlas().country(name.strip())
    return found.code if found is not None else f"?{name_key(name)}"


def name_country(name: str) -> str | None:
    """The country a faction's name gives in brackets at its end, if it is one the atlas knows."""
    found = _BRACKET.search(name)
    country = atlas().country(found.group(1).strip()) if found else None
    return country.code if country is not None else None


class Homes:
    """The countries of the factions an import may match by label; read from the store once per faction,
    when first asked (through a read-only connection of its own in a preparing process, whose resolver
    has no connection: files/worker.py), and added to as this import's rows name them."""

    def __init__(self, conn_of: Callable[[], object], exempt: set[str]) -> None:
        self.exempt = exempt  # bundled factions: no country
        self._conn_of = conn_of  # the resolver's connection, whatever it is now
        conn = conn_of()
        stored = isinstance(conn, sqlite3.Connection)
        row = conn.execute("PRAGMA database_list").fetchone() if stored else None  # type: ignore[union-attr]
        self._path = row[2] if row and row[2] else None
        self._ro: sqlite3.Connection | None = None
        self._known: dict[str, set[str]] = {}

    def _read(self) -> sqlite3.Connection | None:
        conn = self._conn_of()
        if isinstance(conn, sqlite3.Connection):
            return conn
        if self._ro is None and self._path:  # a preparing process: the store as it was before the import
            self._ro = sqlite3.connect(f"{Path(self._path).absolute().as_uri()}?mode=ro", uri=True)
        return self._ro

    def countries(self, slug: str, name: str) -> set[str]:
        found = self._known.get(slug)
        if found is None:
            found = self._known[slug] = set()
            if code := name_country(name):
                found.add(code)
            conn = self._read()
            if conn is not None:
                for (country,) in conn.execute(
                        "SELECT DISTINCT e.country FROM event_keys k JOIN events e ON e.id = k.event "
                        "WHERE k.key = ? AND e.country IS NOT NULL", (slug,)):
                    if code := country_code(country):
                        found.add(code)
        return found

    def admits(self, slug: str, name: str, country: str | None) -> bool:
        """Whether a row of `country` (a country_code) may be matched to the faction by a label."""
        if country is None or slug in self.exempt:
            return True
        known = self.countries(slug, name)
        return not known or country in known

    def note(self, slug: str, name: str, country: str | None) -> None:
        """A row of `country` was matched to the faction, or made it."""
        if country is not None and slug not in self.exempt:
            self.countries(slug, name).add(country)

    def forget(self, slug: str) -> None:
        """A faction made by a row that failed: a later one may take its slug."""
        self._known.pop(slug, None)
