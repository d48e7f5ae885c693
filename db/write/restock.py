"""A store made before a bundled faction was added or a name moved between bundled factions, brought up to
what db/data/factions.json says now, on the next import (inside its transaction, before its rows are
resolved).

The case that made it: "Military Forces of Russia (2000-)", ACLED's name for Russia's armed forces, was an
alias of the bundled Russian Aerospace Forces (VKS), so Russia's ground forces in Ukraine showed as the
air force and ACLED's units ("... (2000-) Donetsk People's Militia") as units of VKS. The bundle now has
the Russian Armed Forces, with VKS as their unit and ACLED's "... (2000-) Air Force" as VKS. On a store
made before:
- a bundled faction the store lacks is added, and a bundled faction takes the parent the bundle gives it;
- a name the bundle gives one bundled faction is no longer another's alias (the resolver matches a name
  to the first faction that has it), and each takes the names the bundle now gives it;
- a faction an import made under a name the bundle now gives a bundled faction ("Military Forces of
  Russia (2000-) Air Force", made as a unit of VKS) becomes that faction: its events, units and names;
- a unit an import hung under a bundled faction, by its force's name that is now another's, moves there.
Changing the names changes the reference, so every row of the file is read again (write/fingerprints.py)
and its events name the force the names now find. A parent a user set (factions.edited) stays, and so
does a faction a user edited: it is not merged away.
"""

from __future__ import annotations

import json
import sqlite3

from .. import tallies
from ..schema import bundled_factions
from .codes import SET_BY_HAND
from .names import era_parts, name_key
from .twins import fold_faction


def restock_bundled(conn: sqlite3.Connection, by_hand: set[str] | None = None) -> list[str]:
    """Bring the store's bundled factions up to the bundle (see the module docstring); the names of the
    factions it added, merged or moved. Factions a user set that it would have changed go to `by_hand`."""
    by_hand = set() if by_hand is None else by_hand
    bundle = bundled_factions()
    slugs = {f["slug"] for f in bundle}
    hand_parent = SET_BY_HAND.format(field="parent")
    stored = {slug: (json.loads(aliases or "[]"), parent, bool(hand)) for slug, aliases, parent, hand in
              conn.execute(f"SELECT slug, aliases, parent, {hand_parent} FROM factions")}
    owner = {name_key(label): f["slug"] for f in bundle for label in (f["name"], *f.get("aliases", ()))}
    fresh: dict[str, str] = {}  # the name keys the bundle gives a faction the store did not have: its slug
    changed: list[str] = []
    for f in sorted(bundle, key=lambda f: f["parent"] is not None):  # parents first: the foreign key holds
        had = {name_key(a) for a in stored.get(f["slug"], ([],))[0]}
        fresh |= {key: f["slug"] for a in f.get("aliases", ()) if (key := name_key(a)) not in had}
        if f["slug"] not in stored:
            conn.execute("INSERT INTO factions (slug, name, short, parent, bloc, colour, aliases) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (f["slug"], f["name"], _free_short(conn, f["short"]), f["parent"], f["bloc"],
                          f["colour"], _json(f.get("aliases", []))))
            changed.append(f["name"])
            continue
        aliases, parent, hand = stored[f["slug"]]
        # Its names less those the bundle gives another bundled faction, plus those it gives this one.
        kept = [a for a in aliases if owner.get(name_key(a), f["slug"]) == f["slug"]]
        kept += [a for a in f.get("aliases", ()) if a not in kept]
        if kept != aliases:
            conn.execute("UPDATE factions SET aliases = ? WHERE slug = ?", (_json(kept), f["slug"]))
            changed.append(f["name"])
        if parent != f["parent"] and f["parent"] in slugs:
            if hand:
                by_hand.add(f["slug"])
            else:
                conn.execute("UPDATE factions SET parent = ? WHERE slug = ?", (f["parent"], f["slug"]))
                changed.append(f["name"])
    # Only by the names the bundle gives anew: a faction the resolver kept apart from a bundled one that
    # has its name all along (another country's, write/homes.py) stays apart.
    if fresh:  # else nothing to look for: a store up to date costs two reads of its factions
        changed += _merge_named(conn, fresh, slugs, by_hand)
        changed += _move_units(conn, fresh, slugs, by_hand)
    for f in bundle:  # a label a merged faction held is free now
        if f["slug"] not in stored:
            conn.execute("UPDATE factions SET short = ? WHERE slug = ? AND short != ? AND NOT EXISTS "
                         "(SELECT 1 FROM factions WHERE lower(short) = lower(?))",
                         (f["short"], f["slug"], f["short"], f["short"]))
    if changed:
        tallies.rebuild(conn)
    return list(dict.fromkeys(changed))


def _merge_named(conn: sqlite3.Connection, owner: dict[str, str], bundled: set[str],
                 by_hand: set[str]) -> list[str]:
    """Factions an import made under a name the bundle gives a bundled faction, merged into it."""
    merged: list[str] = []
    for slug, name, aliases, edited in conn.execute(
            "SELECT slug, name, aliases, edited FROM factions").fetchall():
        kept = owner.get(name_key(name))
        if kept is None or slug in bundled:
            continue
        if json.loads(edited or "[]"):  # a user's faction: theirs to merge
            by_hand.add(slug)
            continue
        fold_faction(conn, slug, kept)
        names = json.loads(conn.execute("SELECT aliases FROM factions WHERE slug = ?", (kept,)).fetchone()[0])
        names += [n for n in (name, *json.loads(aliases or "[]")) if n not in names]
        conn.execute("UPDATE factions SET aliases = ? WHERE slug = ?", (_json(names), kept))
        merged.append(name)
    return merged


def _move_units(conn: sqlite3.Connection, owner: dict[str, str], bundled: set[str],
                by_hand: set[str]) -> list[str]:
    """Units hung under a bundled faction by their force's name, which the bundle now gives another."""
    moved: list[str] = []
    for slug, name, parent, hand in conn.execute(
            f"SELECT slug, name, parent, {SET_BY_HAND.format(field='parent')} FROM factions "
            "WHERE parent IN (SELECT value FROM json_each(?))", (_json(sorted(bundled)),)).fetchall():
        parts = era_parts(name)
        force = owner.get(name_key(parts[0])) if parts and parts[2] else None
        if force is None or force == parent or slug in bundled:
            continue
        if hand:
            by_hand.add(slug)
            continue
        conn.execute("UPDATE factions SET parent = ? WHERE slug = ?", (force, slug))
        moved.append(name)
    return moved


def _free_short(conn: sqlite3.Connection, short: str) -> str:
    """The bundle's label, or with a number after it when a faction of the store has it already."""
    taken = {s.casefold() for (s,) in conn.execute("SELECT short FROM factions")}
    return next(label for n in range(1, 100) if (label := short if n == 1 else f"{short}{n}").casefold()
                not in taken)


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)
