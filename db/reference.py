"""The one reader of the reference tables (fronts, places, factions, sources): rows in, typed values out.

The store's lists, the resolver that matches imported names and the extractor that finds names in a
report all read these tables; the JSON of aliases and areas is parsed here and nowhere else.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .models import Faction, Front, Place

Row = Mapping[str, Any]  # a sqlite3.Row or a dict


def aliases(raw: str | None) -> tuple[str, ...]:
    """The other names of a place or faction, stored as a JSON list."""
    return tuple(json.loads(raw)) if raw else ()


def bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """A front's area as stored (JSON [west, south, east, north]); None when missing or malformed."""
    try:
        box = json.loads(raw) if raw else None
        west, south, east, north = (float(v) for v in box)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return (west, south, east, north) if west < east and south < north else None


def front_of(r: Row) -> Front:
    names = r.keys()
    kind = (r["kind"] if "kind" in names else None) or ""
    return Front(r["slug"], r["name"], r["description"] or "", r["sort"], bbox(r["bbox"]), kind=kind,
                 country=r["country"] if "country" in names else None,
                 defined_by=_defined_by(kind, r["definition"] if "definition" in names else None,
                                        r["admin1"] if "admin1" in names else None,
                                        r["country"] if "country" in names else None),
                 admin1=r["admin1"] if "admin1" in names else None,
                 definition=r["definition"] if "definition" in names else None)


def _defined_by(kind: str, definition: str | None, admin1: str | None, country: str | None) -> str:
    """What puts events on a front, in words."""
    from .fronts import parse  # the fronts' rules read the reference tables: imported late

    parsed = parse(definition)
    if parsed is not None:
        return ("bundled " if kind == "bundled" else "") + parsed.describe()
    if kind == "division":
        return f"division {admin1}" + (f", {country}" if country else "")
    if kind == "country":
        return f"country: events located only to {country}"
    if kind == "other":
        return "no location at all"
    if kind == "removing":
        return "being removed"
    return "named by an imported file"


def place_of(r: Row) -> Place:
    return Place(
        id=r["id"], name=r["name"], kind=r["kind"], admin1=r["admin1"], front=r["front"],
        lat=r["lat"], lon=r["lon"], precision_km=r["precision_km"], aliases=aliases(r["aliases"]),
    )


def faction_of(r: Row) -> Faction:
    return Faction(
        slug=r["slug"], name=r["name"], short=r["short"], parent=r["parent"], bloc=r["bloc"],
        colour=r["colour"], aliases=aliases(r["aliases"]), edited=edited_fields(r),
    )


def edited_fields(r: Row) -> frozenset[str]:
    """The fields of a faction row a user set by hand (none in a store read before version 8)."""
    has = "edited" in r.keys()  # noqa: SIM118 (`in` a sqlite3.Row tests its values)
    return frozenset(json.loads(r["edited"])) if has and r["edited"] else frozenset()


@dataclass
class Reference:
    """What an event may name, read once. Writers add what they create, so later rows find it."""

    fronts: dict[str, Front]
    places: dict[str, Place]
    factions: dict[str, Faction]
    sources: set[str]


def _records(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def read_reference(conn: sqlite3.Connection) -> Reference:
    """Every front, place, faction and source id of the store open on `conn`."""
    return Reference(
        fronts={r["slug"]: front_of(r) for r in _records(conn, "SELECT * FROM fronts")},
        places={r["id"]: place_of(r) for r in _records(conn, "SELECT * FROM places")},
        factions={r["slug"]: faction_of(r) for r in _records(conn, "SELECT * FROM factions")},
        sources={r[0] for r in conn.execute("SELECT id FROM sources")},
    )
