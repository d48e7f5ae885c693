"""ACLED CSV exports, with the column names ACLED publishes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache

from ...rules import certainty_of
from ...write.records import RowError, parse_count
from ...write.resolve import Resolver, slugify
from .common import first_sentence, located, parties, point, required

KIND = "csv"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "location", "latitude", "longitude")
PRECISION = {"1": "day", "2": "week", "3": "month"}
# ACLED's sub-event types, in sitroom's words; anything else keeps ACLED's own term.
TYPES = {
    "government regains territory": "capture",
    "non-state actor overtakes territory": "capture",
    "armed clash": "clashes",
    "air/drone strike": "airstrike",
    "shelling/artillery/missile attack": "shelling",
    "suicide bomb": "vbied",
    "remote explosive/landmine/ied": "explosion",
    "attack": "attack",
    "abduction/forced disappearance": "abduction",
    "headquarters or base established": "base established",
    "non-violent transfer of territory": "capture",
    "looting/property destruction": "looting",
    "disrupted weapons use": "disrupted weapons use",
    "grenade": "explosion",
    "chemical weapon": "chemical attack",
}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y")


def detect(header: list[str]) -> bool:
    return "event_id_cnty" in header and "actor1" in header


@lru_cache(maxsize=1 << 14)  # a file has a few thousand distinct dates, each on many rows
def parse_date(value: str) -> str:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    raise RowError(f"event_date {value!r} is not a date ACLED writes (2017-06-30 or 30 June 2017)")


def to_record(row: Mapping[str, str | None], resolver: Resolver) -> dict:
    key = required(row, "event_id_cnty")
    date = parse_date(required(row, "event_date"))
    precision_code = (row.get("time_precision") or "1").strip()
    if precision_code not in PRECISION:
        raise RowError(f"time_precision {precision_code!r} is not 1, 2 or 3")
    lat, lon = point(row, "latitude", "longitude")
    location = required(row, "location")
    admin1 = (row.get("admin1") or "").strip() or None
    sub = (row.get("sub_event_type") or "").strip()
    event_type = TYPES.get(sub.casefold()) or (sub or required(row, "event_type")).casefold()
    notes = (row.get("notes") or "").strip()
    actor1, actor2 = required(row, "actor1"), row.get("actor2")
    summary = first_sentence(notes) if notes else (
        f"{sub or row['event_type']}: {actor1}{' against ' + actor2 if actor2 else ''} in {location}")
    source_name = (row.get("source") or "").strip()
    source = resolver.source(
        f"acled:{slugify(source_name)}" if source_name else "acled",
        title=source_name or "ACLED", publisher=source_name or "ACLED", kind="ACLED",
    )
    return {
        **located("acled", key, date, PRECISION[precision_code], resolver, location, admin1, lat, lon),
        "event_type": event_type,
        "summary": summary,
        "certainty": certainty_of(notes),
        "fatalities": parse_count(row.get("fatalities"), "fatalities"),
        "source": source,
        "excerpt": notes or None,
        "factions": parties(resolver, [
            (actor1, "actor"), (row.get("assoc_actor_1"), "ally"),
            (actor2, "target"), (row.get("assoc_actor_2"), "target"),
        ]),
    }
