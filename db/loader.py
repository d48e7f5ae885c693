"""Writing events into a store: stable ids, checks, and the bundled June 2017 data.

An event record is a dict in sitroom's own JSON Lines shape (see db/data/events.jsonl). The importers
for other formats build the same records, so everything that lands goes through `prepare_event`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import sqlite_utils

from .models import CERTAINTIES, PRECISIONS, ROLES
from .schema import event_rowid
from .text import clean_text

DATA = resources.files(__package__) / "data"


class RowError(ValueError):
    """One record that cannot be stored, with the reason in words."""


@dataclass(frozen=True)
class Prepared:
    event: dict[str, Any]
    parties: list[dict[str, str]]


def event_id(source: str, date: str, place: str | None, event_type: str, excerpt: str | None,
             summary: str, parties: Iterable[tuple[str, str]]) -> str:
    """A stable id from the source and what the event says, so a re-import updates, never duplicates."""
    key = json.dumps(
        [source, date, place, event_type, excerpt or summary, sorted(parties)], ensure_ascii=False
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def parse_date(value: Any) -> str:
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise RowError(f"date {value!r} is not a date like 2017-06-30") from None


def parse_coordinate(value: Any, name: str, limit: float) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RowError(f"{name} {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise RowError(f"{name} {number} is outside the world (±{limit:g})")
    return number


class Reference:
    """The fronts, places, factions and sources a record may name, read once from the store."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.fronts = {r["slug"] for r in db["fronts"].rows}
        self.factions = {r["slug"] for r in db["factions"].rows}
        self.sources = {r["id"] for r in db["sources"].rows}
        self.places = {r["id"]: r for r in db["places"].rows}


def prepare_event(record: Mapping[str, Any], ref: Reference) -> Prepared:
    """Check one record and turn it into rows, or raise RowError saying what is wrong."""
    def text(name: str, required: bool = True) -> str | None:
        value = clean_text(record.get(name))
        if required and not value:
            raise RowError(f"missing {name}")
        return value

    date = parse_date(record.get("date"))
    precision = record.get("date_precision") or "day"
    if precision not in PRECISIONS:
        raise RowError(f"date_precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    front = text("front")
    if front not in ref.fronts:
        raise RowError(f"unknown front {front!r}")
    place = text("place", required=False)
    if place and place not in ref.places:
        raise RowError(f"unknown place {place!r}")
    certainty = text("certainty")
    if certainty not in CERTAINTIES:
        raise RowError(f"certainty {certainty!r} is not one of {', '.join(CERTAINTIES)}")
    source = text("source")
    if source not in ref.sources:
        raise RowError(f"unknown source {source!r}")
    event_type = text("event_type")
    summary = text("summary")
    excerpt = text("excerpt", required=False)
    fatalities = record.get("fatalities")
    if fatalities not in (None, ""):
        try:
            fatalities = int(fatalities)
        except (TypeError, ValueError):
            raise RowError(f"fatalities {fatalities!r} is not a whole number") from None
        if fatalities < 0:
            raise RowError(f"fatalities {fatalities} is negative")
    else:
        fatalities = None

    parties: list[tuple[str, str]] = []
    for party in record.get("factions") or ():
        if not isinstance(party, Mapping):
            raise RowError(f"faction entry {party!r} is not an object with faction and role")
        faction, role = party.get("faction"), party.get("role")
        if faction not in ref.factions:
            raise RowError(f"unknown faction {faction!r}")
        if role not in ROLES:
            raise RowError(f"role {role!r} is not one of {', '.join(ROLES)}")
        parties.append((faction, role))
    parties = list(dict.fromkeys(parties))

    lat = parse_coordinate(record.get("lat"), "latitude", 90)
    lon = parse_coordinate(record.get("lon"), "longitude", 180)
    if (lat is None or lon is None) and place:
        lat, lon = ref.places[place]["lat"], ref.places[place]["lon"]

    eid = record.get("id") or event_id(source, date, place, event_type, excerpt, summary, parties)
    event = {
        "id": eid, "date": date, "date_precision": precision, "front": front, "place": place,
        "lat": lat, "lon": lon, "event_type": event_type, "summary": summary,
        "certainty": certainty, "fatalities": fatalities, "source": source, "excerpt": excerpt,
    }
    return Prepared(event, [{"event": eid, "faction": f, "role": r} for f, r in parties])


EVENT_COLUMNS = ("id", "date", "date_precision", "front", "place", "lat", "lon", "event_type", "summary",
                 "certainty", "fatalities", "source", "excerpt")
# A new event takes the rowid its id gives (schema.event_rowid); an update keeps it.
_UPSERT = (
    f"INSERT INTO events (rowid, {', '.join(EVENT_COLUMNS)}) "
    f"VALUES (:rowid, {', '.join(':' + c for c in EVENT_COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in EVENT_COLUMNS[1:])
)


@dataclass
class WriteCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def write_events(conn: sqlite3.Connection, prepared: Sequence[Prepared]) -> WriteCounts:
    """Upsert events and replace their parties, saying how many were new, changed or the same.
    The caller owns the transaction."""
    counts = WriteCounts()
    ids = [p.event["id"] for p in prepared]
    before: dict[str, tuple[tuple, frozenset]] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        marks = ", ".join("?" * len(part))
        rows = conn.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id IN ({marks})", part)
        for row in rows:
            before[row[0]] = (tuple(row), frozenset())
        parties = conn.execute(
            f"SELECT event, faction, role FROM event_factions WHERE event IN ({marks})", part)
        grouped: dict[str, set] = {}
        for event, faction, role in parties:
            grouped.setdefault(event, set()).add((faction, role))
        for event, found in grouped.items():
            before[event] = (before[event][0], frozenset(found))
    changed = []
    for item in prepared:
        eid = item.event["id"]
        after = (tuple(item.event[c] for c in EVENT_COLUMNS),
                 frozenset((p["faction"], p["role"]) for p in item.parties))
        if eid not in before:
            counts.added += 1
        elif before[eid] == after:
            counts.unchanged += 1
            continue
        else:
            counts.updated += 1
        changed.append(item)
    conn.executemany(_UPSERT, [{**item.event, "rowid": event_rowid(item.event["id"])} for item in changed])
    conn.executemany("DELETE FROM event_factions WHERE event = ?", [(i.event["id"],) for i in changed])
    conn.executemany(
        "INSERT OR IGNORE INTO event_factions (event, faction, role) VALUES (:event, :faction, :role)",
        [p for item in changed for p in item.parties],
    )
    return counts


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def load_blocs(db: sqlite_utils.Database) -> int:
    """Only the blocs, for an empty store that imports will fill; returns 0 events."""
    with db.conn:
        db["blocs"].upsert_all(_json("blocs.json"), pk="slug")
    return 0


def load_reference(db: sqlite_utils.Database) -> None:
    """The bundled blocs, fronts, factions, places and sources."""
    db["blocs"].upsert_all(_json("blocs.json"), pk="slug")
    db["fronts"].upsert_all(
        [{**f, "bbox": json.dumps(f.get("bbox"))} for f in _json("fronts.json")], pk="slug"
    )
    factions = _json("factions.json")
    # Parents first, so the foreign key from a unit to its parent always holds.
    factions.sort(key=lambda f: f["parent"] is not None)
    db["factions"].upsert_all(
        [{**f, "aliases": json.dumps(f.get("aliases", []), ensure_ascii=False)} for f in factions],
        pk="slug",
    )
    db["places"].upsert_all(
        [{**p, "aliases": json.dumps(p.get("aliases", []), ensure_ascii=False)}
         for p in _json("places.json")],
        pk="id",
    )
    db["sources"].upsert_all(_json("sources.json"), pk="id")


def bundled_events() -> list[dict[str, Any]]:
    lines = (DATA / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_bundled(db: sqlite_utils.Database) -> int:
    """Load the reference tables and the bundled events; returns how many events."""
    with db.conn:
        load_reference(db)
        ref = Reference(db)
        prepared = [prepare_event(r, ref) for r in bundled_events()]
        write_events(db.conn, prepared)
    return len(prepared)
