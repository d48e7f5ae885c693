"""The bundled June 2017 data (db/data/): the reference tables and the events of the founding report."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from ..fronts import bundled_front_rows
from ..reference import read_reference
from ..schema import DATA, bundled_blocs, bundled_factions, bundled_places
from .records import prepare_event
from .upsert import write_events


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def load_reference_only(db: sqlite_utils.Database) -> int:
    """The reference data without the founding report (blocs, fronts, factions with their aliases, the
    gazetteer), for a store that imports will fill: its actors and places are known from the start.
    Returns 0 events."""
    with db.conn:
        load_reference(db, sources=False)
    return 0


def load_reference(db: sqlite_utils.Database, *, sources: bool = True) -> None:
    """The bundled blocs, fronts, factions, places and (unless sources=False) sources."""
    db["blocs"].upsert_all(bundled_blocs(), pk="slug")
    db["fronts"].upsert_all(bundled_front_rows(), pk="slug")
    factions = bundled_factions()
    # Parents first, so the foreign key from a unit to its parent always holds.
    factions.sort(key=lambda f: f["parent"] is not None)
    db["factions"].upsert_all(
        [{**f, "aliases": json.dumps(f.get("aliases", []), ensure_ascii=False)} for f in factions],
        pk="slug",
    )
    db["places"].upsert_all(
        [{**p, "aliases": json.dumps(p.get("aliases", []), ensure_ascii=False)}
         for p in bundled_places()],
        pk="id",
    )
    if sources:
        db["sources"].upsert_all(_json("sources.json"), pk="id")


def bundled_events() -> list[dict[str, Any]]:
    lines = (DATA / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_bundled(db: sqlite_utils.Database) -> int:
    """Load the reference tables and the bundled events; returns how many events."""
    with db.conn:
        load_reference(db)
        ref = read_reference(db.conn)
        prepared = [prepare_event(r, ref) for r in bundled_events()]
        write_events(db.conn, prepared)
    return len(prepared)
