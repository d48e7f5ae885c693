"""One event in full: its factions, place and source, the other events at its place, and who held it."""

from __future__ import annotations

import json

from ..models import EventDetail, EventRow, Located, Source
from ..reference import faction_of, place_of
from . import control
from .connection import Line
from .happening import accounts
from .pages import ROW_COLUMNS, event_row
from .plan import ROW_FROM


def event(line: Line, event_id: str, same_place_limit: int) -> EventDetail | None:
    rows = line.rows(
        f"SELECT {ROW_COLUMNS}, e.excerpt, e.lat, e.lon, e.source, e.source_event_id, e.source_type, "
        f"e.source_sub_type, e.date_end, e.location_precision, e.area, e.admin1, e.country, e.attributes, "
        f"e.precision_km "
        f"FROM {ROW_FROM} WHERE e.id = ?",
        [event_id],
    )
    if not rows:
        return None
    r = rows[0]
    row = event_row(r)
    place_rows = line.rows("SELECT * FROM places WHERE id = ?", [row.place])
    source_rows = line.rows("SELECT * FROM sources WHERE id = ?", [r["source"]])
    factions = {
        fr["slug"]: faction_of(fr)
        for fr in line.rows(
            "SELECT f.* FROM factions f WHERE f.slug IN (SELECT faction FROM event_factions WHERE event = ?)",
            [event_id],
        )
    }
    same_place: tuple[EventRow, ...] = ()
    if row.place:
        same_place = tuple(
            event_row(o)
            for o in line.rows(
                f"SELECT {ROW_COLUMNS} FROM {ROW_FROM} WHERE e.place = ? AND e.id != ? "
                "AND e.happening IS NULL ORDER BY e.date DESC, e.id DESC LIMIT ?",
                [row.place, event_id, same_place_limit],
            )
        )
    return EventDetail(
        row=row,
        excerpt=r["excerpt"],
        lat=r["lat"],
        lon=r["lon"],
        place=place_of(place_rows[0]) if place_rows else None,
        source=Source(**dict(source_rows[0])) if source_rows else None,
        factions=tuple((p, factions[p.faction]) for p in row.parties if p.faction in factions),
        same_place=same_place,
        control=tuple(control.history(line.rows, row.place)) if row.place else (),
        located=Located(
            r["source_event_id"], r["source_type"], r["source_sub_type"], r["date_end"],
            r["location_precision"], r["area"], r["admin1"], r["country"],
            tuple(json.loads(r["attributes"]).items()) if r["attributes"] else (), r["precision_km"]),
        accounts=accounts(line, event_id),
    )
