"""ACLED CSV exports of every era: 2015–2018 (UPPERCASE, `ALLY_ACTOR_1`, no sub-event type), 2019–2023
(`data_id`, `iso`, numeric inter codes, often re-saved by pandas with an index column first), 2024 on
(`disorder_type`, `civilian_targeting`, `tags`, text inter codes), and "actor-based" exports that repeat
an event on one row per actor (no `actor2`): the importer merges those rows into one event."""

from __future__ import annotations

from collections.abc import Mapping

from ...rules import certainty_of
from ...write.records import parse_count
from ...write.resolve import Resolver, slugify
from .acled_types import sitroom_type
from .common import Context, attributes, coded, first_sentence, located, parties, point, required

KIND = "csv"
REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1", "latitude", "longitude")
DATE_COLUMNS = ("event_date",)  # read as DateOrder reads them
ALIASES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
PRECISION = {"1": "day", "2": "week", "3": "month"}
WHERE = {"1": "exact", "2": "near", "3": "province"}
_USED = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
         "assoc_actor_1", "actor2", "assoc_actor_2", "location", "latitude", "longitude", "geo_precision",
         "admin1", "country", "notes", "fatalities", "source")


def detect(header: list[str]) -> bool:
    return "event_id_cnty" in header and "actor1" in header


def merges_repeats(row: Mapping[str, str | None]) -> bool:
    """An actor-based export names one actor a row: consecutive rows of one event are one event."""
    return "actor2" not in row


def to_record(row: Mapping[str, str | None], resolver: Resolver, context: Context) -> dict:
    key = required(row, "event_id_cnty")
    date = context.dates.parse(required(row, "event_date"), "event_date", context.line)
    precision = coded(row, "time_precision", PRECISION, "1, 2 or 3")
    where = coded(row, "geo_precision", WHERE, "1, 2 or 3")
    lat, lon = point(row, "latitude", "longitude")
    location = (row.get("location") or "").strip() or None
    source_type = required(row, "event_type")
    sub = (row.get("sub_event_type") or "").strip() or None
    notes = (row.get("notes") or "").strip()
    actor1, actor2 = required(row, "actor1"), (row.get("actor2") or "").strip()
    summary = first_sentence(notes) if notes else (
        f"{sub or source_type}: {actor1}{' against ' + actor2 if actor2 else ''}"
        + (f" in {location}" if location else ""))
    source_name = (row.get("source") or "").strip()
    source = resolver.source(
        f"acled:{slugify(source_name)}" if source_name else "acled",
        title=source_name or "ACLED", publisher=source_name or "ACLED", kind="ACLED",
    )
    named = ([(actor1, "side"), (row.get("assoc_actor_1"), "ally")] if merges_repeats(row) else
             [(actor1, "actor"), (row.get("assoc_actor_1"), "ally"), (actor2, "target"),
              (row.get("assoc_actor_2"), "target_ally")])
    return {
        **located("acled", key, resolver, date=date, date_end=None, precision=precision,
                  where=where, place=location, admin1=row.get("admin1"),
                  country=row.get("country"), lat=lat, lon=lon),
        "event_type": sitroom_type(source_type, sub, notes),
        "source_type": source_type,
        "source_sub_type": sub,
        "summary": summary,
        "certainty": certainty_of(notes),
        "fatalities": parse_count(row.get("fatalities"), "fatalities"),
        "source": source,
        "excerpt": notes or None,
        "factions": parties(resolver, named),
        "attributes": attributes(row, _USED),
    }
