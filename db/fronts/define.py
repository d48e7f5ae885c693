"""Fronts a user defines (`sitroom fronts add` / `remove`), and the bundled fronts' definitions."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..schema import DATA
from ..text import FIELD_LIMITS, clean_text
from .areas import Definition, FrontError, parse
from .assign import AUTO, BUNDLED, COUNTRY, DIVISION, SORT, USER, Reassigned, described, reassign

BUNDLED_COUNTRY = "Syria"


def bundled_front_rows() -> list[dict[str, Any]]:
    """The bundled fronts (db/data/fronts.json) as rows of the fronts table: each with its box (the
    map's frame) and its polygon (what it covers)."""
    rows = []
    for f in json.loads((DATA / "fronts.json").read_text(encoding="utf-8")):
        ring = tuple(tuple(p) for p in f["polygon"])
        rows.append({"slug": f["slug"], "name": f["name"], "description": f["description"], "sort": f["sort"],
                     "bbox": json.dumps(f["bbox"]), "kind": BUNDLED, "country": BUNDLED_COUNTRY,
                     "admin1": None, "definition": Definition(rings=(ring,)).to_json()})
    return rows


def bundled_definitions() -> list[tuple[str, str, str, str]]:
    """(slug, kind, country, definition) of each bundled front, for a store made before they had one."""
    return [(r["slug"], r["kind"], r["country"], r["definition"]) for r in bundled_front_rows()]


def add_front(conn: sqlite3.Connection, name: str, definition: Definition,
              description: str | None = None) -> tuple[str, Reassigned]:
    """Define a front and put the events it covers on it, in one transaction. Returns its slug."""
    from ..write.resolve import slugify

    name = clean_text(name, single_line=True) or ""
    if not name.strip():
        raise FrontError("a front needs a name")
    if len(name) > FIELD_LIMITS["name"]:
        raise FrontError(f"the name is {len(name):,} characters long (at most {FIELD_LIMITS['name']})")
    slug = slugify(name)
    with conn:
        taken = conn.execute("SELECT kind, name FROM fronts WHERE slug = ? OR name = ? COLLATE NOCASE",
                             (slug, name)).fetchone()
        if taken and taken[0] not in AUTO:
            raise FrontError(f"there is already a front called {taken[1]!r} ({slug}); remove it first "
                             "or choose another name")
        if taken:  # a division's front of that name: the user's front takes the name, it another slug
            slug = f"{slug}-front"
        box = definition.bbox()
        last = conn.execute("SELECT max(sort) FROM fronts WHERE sort < ?", (SORT["division"],)).fetchone()[0]
        what = definition.describe()
        conn.execute(
            "INSERT INTO fronts (slug, name, description, sort, bbox, kind, country, admin1, definition) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)",
            (slug, name, clean_text(description, single_line=True) or f"Defined by {what}.",
             (last or 0) + 1, json.dumps([round(v, 5) for v in box]) if box else None, USER,
             definition.to_json()))
        result = reassign(conn)
    return slug, result


def remove_front(conn: sqlite3.Connection, slug: str) -> tuple[str, Reassigned]:
    """Remove a user's or a bundled front; its events go where the rules now put them. Returns its
    name. A division's front cannot be removed: it is the division's events' front."""
    with conn:
        row = conn.execute("SELECT name, kind FROM fronts WHERE slug = ?", (slug,)).fetchone()
        if row is None:
            known = [r[0] for r in conn.execute(
                "SELECT slug FROM fronts WHERE kind IN (?, ?) ORDER BY sort, name", (USER, BUNDLED))]
            listed = ", ".join(known[:20]) or "none"
            raise FrontError(f"there is no front {slug!r} (fronts you can remove: {listed})")
        name, kind = row
        if kind in AUTO:
            raise FrontError(f"{name!r} is the front of a division or country and comes from the events "
                             "themselves; define a front over it instead (`sitroom fronts add`)")
        conn.execute("UPDATE fronts SET kind = 'removing', definition = NULL WHERE slug = ?", (slug,))
        result = reassign(conn)  # its events and places move first, so nothing points at it
        conn.execute("UPDATE places SET front = NULL WHERE front = ?", (slug,))
        conn.execute("DELETE FROM fronts WHERE slug = ?", (slug,))
    return name, result


def carry_user_front(conn: Any, slug: str, area: object) -> bool:
    """A front an import just made from a file's slug and name (kind unset) that the file says is a
    user's front with this area (`front_area`: its definition as the exporting store held it): it becomes
    that user's front here too. False, and nothing done, for an area that is not a definition (a damaged
    or hostile cell defines nothing). `conn` may be the preparing process's recorder (files/worker.py)."""
    definition = parse(area) if isinstance(area, str) else None
    if definition is None:
        return False
    box = definition.bbox()
    conn.execute(
        "UPDATE fronts SET kind = ?, definition = ?, bbox = ?, "
        "description = coalesce(nullif(description, ''), ?), "
        "sort = (SELECT coalesce(max(sort), 0) + 1 FROM fronts WHERE sort < ?) "
        "WHERE slug = ? AND kind IS NULL",
        (USER, definition.to_json(), json.dumps([round(v, 5) for v in box]) if box else None,
         f"Defined by {definition.describe()}.", SORT["division"], slug))
    return True


def describe_carried(conn: Any, slug: str, kind: object, country: object, admin1: object) -> None:
    """A front an import just made from a file's slug and name (kind unset), said to be the file's
    division or country front: it becomes that division's front, so that the events put on their fronts
    after the import stay on it rather than on a new "<division>-<country>" beside it. Any other kind (a
    user's front, whose definition a file does not carry) is left as it was made. `conn` may be the
    preparing process's recorder (files/worker.py), which hands the statement on."""
    country = clean_text(country, single_line=True) if isinstance(country, str) else None
    admin1 = clean_text(admin1, single_line=True) if isinstance(admin1, str) else None
    if (kind == DIVISION and admin1) or (kind == COUNTRY and country):
        admin1 = admin1 if kind == DIVISION else None
        conn.execute("UPDATE fronts SET kind = ?, country = ?, admin1 = ?, sort = ?, "
                     "description = coalesce(nullif(description, ''), ?) WHERE slug = ? AND kind IS NULL",
                     (kind, country or None, admin1, SORT[kind], described(country, admin1), slug))
