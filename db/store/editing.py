"""Changing a faction a user knows better about: its bloc, parent, short label or name.

A faction's bloc decides its events' acting side, and its parent which faction keys its events carry:
after either changes, the derived tables (tallies.py) are rebuilt in one set-based pass, inside the same
transaction, so that every count stays exact.
"""

from __future__ import annotations

import json
import sqlite3

from .. import tallies
from ..models import Faction
from ..reference import edited_fields, faction_of
from ..text import clean_text


class EditError(ValueError):
    """A change that cannot be made, in words; nothing was changed."""


def set_faction(conn: sqlite3.Connection, slug: str, *, bloc: str | None = None, parent: str | None = None,
                no_parent: bool = False, short: str | None = None, name: str | None = None,
                country: str | None = None) -> Faction:
    """Change the named fields of faction `slug` in one transaction and return it as it now is. With a
    `country` (as its events name it), the bloc is the one it takes in that country's war alone
    (faction_blocs, rank 2: no import replaces it); without, its bloc everywhere, and the blocs an import
    gave it in one country (rank 1) go: what the user set wins."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    row = cursor.execute("SELECT * FROM factions WHERE slug = ?", [slug]).fetchone()
    if row is None:
        raise EditError(f"no faction {slug!r} (sitroom factions lists them)")
    changes: dict[str, str | None] = {}
    if bloc is not None:
        if conn.execute("SELECT 1 FROM blocs WHERE slug = ?", [bloc]).fetchone() is None:
            blocs = ", ".join(r[0] for r in conn.execute("SELECT slug FROM blocs ORDER BY sort"))
            raise EditError(f"no bloc {bloc!r}; the blocs are {blocs}")
        if country is not None:
            if parent is not None or no_parent or short is not None or name is not None:
                raise EditError("a bloc in one country is set alone: set the other fields apart")
            return _set_country_bloc(conn, slug, bloc, country, cursor)
        changes["bloc"] = bloc
    elif country is not None:
        raise EditError("a country is for a bloc: say which with --bloc")
    if no_parent:
        changes["parent"] = None
    elif parent is not None:
        if conn.execute("SELECT 1 FROM factions WHERE slug = ?", [parent]).fetchone() is None:
            raise EditError(f"no faction {parent!r} to be the parent")
        above = {r[0] for r in conn.execute("SELECT ancestor FROM faction_ancestors WHERE faction = ?",
                                            [parent])}
        if slug in above:
            raise EditError(f"{parent!r} is {slug!r} or one of its units: a faction cannot be its own parent")
        changes["parent"] = parent
    for field, value in (("short", short), ("name", name)):
        if value is None:
            continue
        text = clean_text(value, single_line=True) or ""
        if not text.strip() or len(text) > (12 if field == "short" else 300):
            raise EditError(f"a {field} must be 1 to {12 if field == 'short' else 300} characters")
        changes[field] = text.strip()
    if "short" in changes:
        taken = conn.execute("SELECT slug FROM factions WHERE lower(short) = lower(?) AND slug != ?",
                             [changes["short"], slug]).fetchone()
        if taken:
            raise EditError(f"the short label {changes['short']!r} belongs to {taken[0]!r} "
                            "(labels are unique)")
    if changes:
        with conn:
            # What the user set is kept from every later import (write/recoding.py, rivals.py, relabel.py).
            changes["edited"] = json.dumps(sorted(edited_fields(row) | changes.keys()))
            sets = ", ".join(f"{column} = ?" for column in changes)  # column names from this function only
            conn.execute(f"UPDATE factions SET {sets} WHERE slug = ?", [*changes.values(), slug])
            if "bloc" in changes:
                conn.execute("DELETE FROM faction_blocs WHERE faction = ? AND rank = 1", [slug])
            if "bloc" in changes or "parent" in changes:
                tallies.rebuild(conn)
    return faction_of(cursor.execute("SELECT * FROM factions WHERE slug = ?", [slug]).fetchone())


def _set_country_bloc(conn: sqlite3.Connection, slug: str, bloc: str, country: str,
                      cursor: sqlite3.Cursor) -> Faction:
    """Faction `slug`'s bloc in `country`'s war, set by hand (rank 2); its bloc elsewhere stays."""
    if conn.execute("SELECT 1 FROM events WHERE country = ? LIMIT 1", [country]).fetchone() is None:
        raise EditError(f"no events in {country!r}: a country as the events name it (e.g. 'Ukraine')")
    with conn:
        conn.execute("INSERT OR REPLACE INTO faction_blocs (faction, country, bloc, rank) "
                     "VALUES (?, ?, ?, 2)", [slug, country, bloc])
        tallies.rebuild(conn)
    return faction_of(cursor.execute("SELECT * FROM factions WHERE slug = ?", [slug]).fetchone())
