"""Checking an event record and turning it into rows: the "prepare" step of every write.

An event record is a dict in sitroom's own JSON Lines shape (see db/data/events.jsonl). The importers
for other formats build the same records, so everything that lands goes through `prepare_event`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..models import CERTAINTIES, PRECISIONS, STORED_ROLES
from ..reference import Reference
from ..text import FIELD_LIMITS, bounded, clean_text, clean_values

MAX_COUNT = 1_000_000  # fatalities of one event: more is not a count but a mistake
MAX_KM = 20_000  # half the Earth's circumference: no point is farther from another
LOCATION_PRECISIONS = ("exact", "near", "district", "province", "region", "country")
MAX_ATTRIBUTES = 64  # columns of the rest of a row: ACLED has about 20, UCDP about 30
# json.dumps(…, ensure_ascii=False, sort_keys=True), without building an encoder for every row.
_ATTRIBUTES_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
# attributes_json's answers for recent combinations: at most _CACHED of at most _CACHED_SIZE characters.
_SEEN_ATTRIBUTES: dict[tuple, str | None] = {}
_CACHED, _CACHED_SIZE, _NOT_SEEN = 4096, 2000, object()
# The text fields of a record, cleaned together in one scan.
_TEXT_FIELDS = ("front", "place", "certainty", "source", "event_type", "summary", "excerpt",
                "source_event_id", "source_type", "source_sub_type", "location_precision", "area",
                "admin1", "country")
_LIMITS = {name: FIELD_LIMITS.get(name, FIELD_LIMITS["other"]) for name in _TEXT_FIELDS}


# An event's columns, in the order checked() gives them and the writers bind them (write/upsert.py).
# precision_km: an event's own location precision (schema 6), which a file's record may give (sitroom's
# CSV and JSON Lines export it) and a report's extraction states.
EVENT_COLUMNS = ("id", "date", "date_precision", "front", "place", "lat", "lon", "event_type", "summary",
                 "certainty", "fatalities", "source", "excerpt", "source_event_id", "source_type",
                 "source_sub_type", "date_end", "location_precision", "area", "admin1", "country",
                 "attributes", "precision_km")


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


def parse_count(value: Any, name: str) -> int | None:
    """A whole number of people from a file: none, or 0 to MAX_COUNT; '12.0' and 12 are 12."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value) if isinstance(value, str) else value
        whole = int(number)
    except (TypeError, ValueError):
        raise RowError(f"{name} {value!r} is not a number") from None
    except OverflowError:  # inf
        raise RowError(f"{name} {value!r} is not a count of people (0 to {MAX_COUNT:,})") from None
    if whole != number:
        raise RowError(f"{name} {value!r} is not a whole number")
    if not 0 <= whole <= MAX_COUNT:
        raise RowError(f"{name} {value!r} is not a count of people (0 to {MAX_COUNT:,})")
    return whole


def parse_id(value: Any) -> str | None:
    """A record's own id: text or a whole number, at most FIELD_LIMITS['id'] characters."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RowError(f"id {json.dumps(value)[:40]} is not text or a whole number")
    # A hash or a number (nearly every id) has nothing to clean.
    text = value if type(value) is str and value.isalnum() else clean_text(str(value), single_line=True)
    if not text:
        return None
    if len(text) > FIELD_LIMITS["id"]:
        raise RowError(f"id is {len(text):,} characters long (at most {FIELD_LIMITS['id']})")
    return text


def parse_date(value: Any) -> str:
    try:
        text = str(value).strip()
        return _iso_date(text) if len(text) <= 32 else dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise RowError(f"date {value!r} is not a date like 2017-06-30") from None


@lru_cache(maxsize=1 << 14)  # a file has a few thousand distinct dates, each on many rows
def _iso_date(text: str) -> str:
    return dt.date.fromisoformat(text).isoformat()


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


def parse_km(value: Any) -> float | None:
    """How roughly an event is located, in km: none, or 0 to MAX_KM."""
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RowError(f"precision_km {value!r} is not a number") from None
    if not 0 <= number <= MAX_KM:  # (NaN is neither)
        raise RowError(f"precision_km {value!r} is not a distance (0 to {MAX_KM:,} km)")
    return number


def attributes_json(value: Any) -> str | None:
    """The rest of a dataset's row, as stored: a JSON object of names to text or numbers, cleaned and
    bounded like every other field."""
    if value in (None, {}, ""):
        return None
    # Rows of a file repeat the same few combinations (year, codes, region …): each is stored once in a
    # while and looked up on the other rows. Only names and values that are all plain text are cached:
    # 1, 1.0 and True are equal keys but not the same attribute.
    # Looked up first: only all-text combinations are ever stored, and text never equals a number, so a
    # combination found is one of text (checked when it was stored).
    if type(value) is dict and len(value) <= MAX_ATTRIBUTES:
        key = tuple(value.items())
        try:
            found = _SEEN_ATTRIBUTES.get(key, _NOT_SEEN)
        except TypeError:  # a list or an object among the values: not a combination to remember
            return _attributes_json(value)
        if found is not _NOT_SEEN:
            return found  # type: ignore[return-value]
        try:
            size = len("".join(value)) + len("".join(value.values()))  # TypeError unless all text
        except TypeError:
            return _attributes_json(value)
        if size > _CACHED_SIZE:  # not worth a place in the cache
            return _attributes_json(value)
        found = _attributes_json(value)
        if len(_SEEN_ATTRIBUTES) >= _CACHED:
            _SEEN_ATTRIBUTES.clear()
        _SEEN_ATTRIBUTES[key] = found
        return found  # type: ignore[return-value]
    return _attributes_json(value)


def _attributes_json(value: Any) -> str | None:
    if isinstance(value, str):  # as exported in a CSV cell
        try:
            value = json.loads(value)
        except ValueError:
            raise RowError("attributes is not a JSON object") from None
    if not isinstance(value, Mapping):
        raise RowError("attributes is not an object of names and values")
    if len(value) > MAX_ATTRIBUTES:
        raise RowError(f"attributes has {len(value)} entries (at most {MAX_ATTRIBUTES})")
    items = list(value.items())
    # The text values are cleaned in one scan of them all (clean text is the rule, not the exception).
    texts = iter(clean_values([item for _, item in items if type(item) is str]))
    out: dict[str, str | int | float] = {}
    for name, item in items:
        cleaned = next(texts) if type(item) is str else None
        key = _attribute_name(str(name))
        if not key or item is None:
            continue
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise RowError(f"attribute {key!r} is not text or a number")
        if isinstance(item, str):
            if cleaned is None:  # a subclass of str: cleaned on its own
                cleaned = clean_text(item)
            item = bounded(cleaned, FIELD_LIMITS["other"]) or ""
        out[key] = item
    return _ATTRIBUTES_JSON(out) if out else None


def _attribute_name(name: str) -> str | None:
    if len(name) > FIELD_LIMITS["name"]:  # not a column name: never kept in the cache
        return bounded(clean_text(name, single_line=True), FIELD_LIMITS["name"])
    return _column_name(name)


@lru_cache(maxsize=4096)  # a file has a few dozen column names, on every row
def _column_name(name: str) -> str | None:
    return bounded(clean_text(name, single_line=True), FIELD_LIMITS["name"])


def _text(name: str, value: Any) -> str | None:
    """A field that is not plain text: none, a number as text, or RowError."""
    if value is not None and not isinstance(value, str | int | float):
        raise RowError(f"{name} is not text")
    return bounded(clean_text(value), _LIMITS[name])


def prepare_event(record: Mapping[str, Any], ref: Reference) -> Prepared:
    """Check one record and turn it into rows, or raise RowError saying what is wrong."""
    values, parties = checked(record, ref)
    eid = values[0]
    return Prepared(dict(zip(EVENT_COLUMNS, values, strict=True)),
                    [{"event": eid, "faction": f, "role": r} for f, r in parties])


def checked(record: Mapping[str, Any], ref: Reference) -> tuple[tuple, tuple[tuple[str, str], ...]]:
    """What prepare_event checks and makes, as plain tuples: the event's fields in EVENT_COLUMNS order and
    its ((faction, role), …), each once. An import sends these on as they are (files/preparing.py)."""
    raw = [record.get(name) for name in _TEXT_FIELDS]
    # Every plain text field cleaned (one scan) and bounded here; anything else (a number, a wrong type)
    # on its own below, in the order of the checks.
    cleaned = clean_values([v if type(v) is str else "" for v in raw])
    plain = {name: (value if len(value) <= _LIMITS[name] else bounded(value, _LIMITS[name]))
             for name, value, was in zip(_TEXT_FIELDS, cleaned, raw, strict=True) if type(was) is str}

    def text(name: str, required: bool = True) -> str | None:
        value = plain[name] if name in plain else _text(name, record.get(name))
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
    fatalities = parse_count(record.get("fatalities"), "fatalities")

    parties: list[tuple[str, str]] = []
    factions = ref.factions
    for party in record.get("factions") or ():
        if type(party) is not dict and not isinstance(party, Mapping):
            raise RowError(f"faction entry {party!r} is not an object with faction and role")
        faction, role = party.get("faction"), party.get("role")
        if faction not in factions:
            raise RowError(f"unknown faction {faction!r}")
        if role not in STORED_ROLES:
            raise RowError(f"role {role!r} is not one of {', '.join(STORED_ROLES)}")
        parties.append((faction, role))

    lat = parse_coordinate(record.get("lat"), "latitude", 90)
    lon = parse_coordinate(record.get("lon"), "longitude", 180)
    if (lat is None or lon is None) and place:
        lat, lon = ref.places[place].lat, ref.places[place].lon
    date_end = record.get("date_end")
    date_end = parse_date(date_end) if date_end not in (None, "") else None
    if date_end is not None and date_end < date:
        raise RowError(f"date_end {date_end} is before date {date}")
    where = text("location_precision", required=False)
    if where is not None and where not in LOCATION_PRECISIONS:
        raise RowError(f"location_precision {where!r} is not one of {', '.join(LOCATION_PRECISIONS)}")

    unique = tuple(dict.fromkeys(parties))
    eid = parse_id(record.get("id")) or event_id(source, date, place, event_type, excerpt, summary, unique)
    # In EVENT_COLUMNS order. A place's province is its event's, so that every event located to a place
    # has one.
    return (eid, date, precision, front, place, lat, lon, event_type, summary, certainty, fatalities, source,
            excerpt, text("source_event_id", required=False), text("source_type", required=False),
            text("source_sub_type", required=False), date_end if date_end != date else None, where,
            text("area", required=False),
            text("admin1", required=False) or (ref.places[place].admin1 if place else None),
            text("country", required=False), attributes_json(record.get("attributes")),
            parse_km(record.get("precision_km"))), unique
