"""Rival authorities of one state: ACLED's concurrent eras of a country's forces, kept apart.

ACLED names a state's forces by the era of the government they serve: "Military Forces of Kenya
(2002-2013)", then "(2013-)". One era ends where the next begins. When two authorities claim one state at
once, ACLED gives each its own era, and both stay open: Yemen's "(2012-)" (the recognised government)
and "(2016-)" (the Sanaa authority, whose units are "... (2016-) Supreme Political Council"), Libya's
"(2014-)" (the Haftar Faction) and "(2016-)" (the Government of National Accord). Eras of one country
whose years overlap are rival authorities: enemies, not one state's successive governments.

The resolver hangs every era under its era-less force ("Military Forces of Yemen") and puts it in the
government bloc (write/resolve.py), which would make enemies one faction for a filter and one bloc for the
histogram. After an import's rows (and so on a re-import of a store imported into before), each rival
era's heads leave that common parent, and the era, its units and its other forces ("Police Forces of
Yemen (2016-)", "Government of Yemen (2016-) ...") take a bloc of their own, named after the country, the
era and the authority its units name, if one does. Only a bloc a code gave (government, other) is
changed: one a user set stays, and so does a parent or bloc set with `factions set` (factions.edited).
An open era that a file also gives closed ("(2014-)" and "(2014-2021)", two exports of different years)
is the closed one, not a rival of its successor.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict

from .. import tallies
from ..geography import atlas
from .codes import OTHER_BLOC, SET_BY_HAND

# "Military Forces of Yemen (2016-) Supreme Political Council": the kind, the country, the era, the unit.
_ERA_FORCE = re.compile(
    r"^(?P<kind>(?:military|police) forces|government) of (?:the )?(?P<country>[^()]+?) "
    r"\((?P<start>\d{4})\s*-\s*(?P<end>\d{4})?\)(?:\s+(?P<unit>\S.*))?$", re.IGNORECASE)
# A unit that names the authority it serves, not a corps of the state's forces: "Supreme Political
# Council", "Government of National Accord", "Haftar Faction", "Galmudug Administration".
_AUTHORITY = re.compile(
    r"\b(?:council|government|faction|administration|authority|house of representatives)\b", re.IGNORECASE)
_CODED = ("government", OTHER_BLOC)  # the blocs an actor code gives; one a user set is kept
RIVAL_SORT = 1  # beside the governments in bloc order
# Told apart in the histogram: Okabe-Ito's colours the bundled blocs leave free, then greys.
_COLOURS = ("#E69F00", "#882255", "#44AA99", "#999933", "#AA4499", "#661100", "#6699CC", "#888888")


def _eras(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str, int, int | None, str]]]:
    """The factions named as an era of a country's forces, by the country's ISO code: (slug, name, start,
    end, unit) each."""
    out: dict[str, list[tuple[str, str, int, int | None, str]]] = defaultdict(list)
    countries: dict[str, str | None] = {}
    for slug, name in conn.execute("SELECT slug, name FROM factions WHERE name LIKE '%(%-%)%'"):
        found = _ERA_FORCE.match(" ".join(name.split()))
        if found is None:
            continue
        key = found["country"].casefold()
        if key not in countries:
            country = atlas().country(found["country"])
            countries[key] = country.code if country else None
        if code := countries[key]:
            end = int(found["end"]) if found["end"] else None
            out[code].append((slug, name, int(found["start"]), end, (found["unit"] or "").strip()))
    return out


def rival_eras(eras: list[tuple[int, int | None]]) -> set[tuple[int, int | None]]:
    """The eras of one country that overlap another of its eras (an open era also given closed counts as
    closed): the rival authorities. Successive eras ("2002-2013", "2013-") are not rivals."""
    closed = {start: end for start, end in eras if end is not None}
    spans = {(s, e if e is not None else closed.get(s)) for s, e in eras}

    def overlap(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
        return a[0] < (b[1] if b[1] is not None else 10_000) and b[0] < (a[1] if a[1] is not None else 10_000)

    rivals = {a for a in spans for b in spans if a != b and overlap(a, b)}
    return {(s, e) for s, e in eras if (s, e if e is not None else closed.get(s)) in rivals}


def _country_name(code: str) -> str:
    found = atlas().country(code)
    return getattr(found, "name", None) or code


def _unless_by_hand(conn: sqlite3.Connection, field: str, assignment: str, values: tuple, where: str,
                    params: tuple, by_hand: set[str]) -> int:
    """UPDATE factions SET `assignment` on the rows `where` selects, but for those whose `field` a user
    set (factions.edited), which are added to `by_hand`; how many rows it changed."""
    hand = SET_BY_HAND.format(field=field)
    by_hand.update(s for (s,) in conn.execute(f"SELECT slug FROM factions WHERE {where} AND {hand}", params))
    return conn.execute(f"UPDATE factions SET {assignment} WHERE {where} AND NOT {hand}",
                        (*values, *params)).rowcount


def separate_rivals(conn: sqlite3.Connection, by_hand: set[str] | None = None) -> list[str]:
    """Give each rival authority's era its own bloc and no common parent (see the module docstring); the
    names of the blocs it changed anything in. The derived tables are rebuilt when anything moved. A bloc
    or parent a user set (factions.edited) stays: such factions are added to `by_hand`."""
    by_hand = set() if by_hand is None else by_hand
    changed: list[str] = []
    for code, factions in sorted(_eras(conn).items()):
        rivals = rival_eras([(s, e) for _, _, s, e, _ in factions])
        for start, end in sorted(rivals, key=lambda era: (era[0], era[1] or 0)):
            members = [f for f in factions if (f[2], f[3]) == (start, end)]
            era = f"{start}-{end or ''}"
            units = [u for _, name, _, _, u in members if u and name.casefold().startswith("government of")]
            units += sorted(u for *_, u in members if u and _AUTHORITY.search(u))
            name = f"{_country_name(code)} {era}" + (f": {units[0]}" if units else "")
            bloc = f"rival-{code.lower()}-{start}" + (f"-{end}" if end else "")
            if conn.execute("SELECT 1 FROM blocs WHERE slug = ?", (bloc,)).fetchone() is None:
                conn.execute("INSERT INTO blocs (slug, name, sort, colour) VALUES (?, ?, ?, ?)",
                             (bloc, name, RIVAL_SORT, free_colour(conn)))
            slugs = [slug for slug, *_ in members]
            coded = (f"slug IN (SELECT value FROM json_each(?)) AND bloc IN ({', '.join('?' * len(_CODED))}) "
                     "AND bloc != ?")
            moved = _unless_by_hand(conn, "bloc", "bloc = ?", (bloc,), coded, (_json(slugs), *_CODED, bloc),
                                    by_hand)
            # The era's heads leave the era-less force (or government) both rivals hung under.
            heads = [slug for slug, _, _, _, unit in members if not unit]
            leaving = ("slug IN (SELECT value FROM json_each(?)) "
                       "AND parent IN (SELECT slug FROM factions WHERE name NOT LIKE '%(%-%)%')")
            moved += _unless_by_hand(conn, "parent", "parent = NULL", (), leaving, (_json(heads),), by_hand)
            if moved:
                changed.append(name)
    if changed:
        tallies.rebuild(conn)
    return changed


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def free_colour(conn: sqlite3.Connection) -> str:
    """A new bloc's colour (a rival authority's, a foreign state's): the first of _COLOURS no bloc has
    yet, else the first."""
    used = {c for (c,) in conn.execute("SELECT colour FROM blocs WHERE colour IS NOT NULL")}
    return next((c for c in _COLOURS if c not in used), _COLOURS[0])
