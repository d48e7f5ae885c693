"""Helpers the format readers share."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ...write.names import without_admin_suffix
from ...write.records import RowError, parse_coordinate, parse_count
from ...write.resolve import Resolver
from .dates import DateOrder

# How precisely an event is located. A point for the first two; an area (no point, no place) for the rest.
POINT_PRECISIONS = ("exact", "near")
AREA_PRECISIONS = ("district", "province", "region", "country")


class Memo:
    """The resolver's answers for what earlier rows of the file gave (a dataset repeats the same
    sources, actors and points on thousands of rows), each kept for the rest of the file. Only answers
    the resolver would give again for the same question are kept, and all are dropped when a row
    fails: the resolver then takes back what that row created and forgets its own remembered answers."""

    SIZE = 1 << 14  # answers of each kind; a file with more distinct ones starts again

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}
        self.points: dict[tuple[float, float], str] = {}  # a point's front
        self.named: dict[tuple, list[dict[str, str]]] = {}  # the parties of actors named as a row names them

    def clear(self) -> None:
        for kept in (self.sources, self.points, self.named):
            kept.clear()

    def front(self, resolver: Resolver, lat: float, lon: float) -> str:
        found = self.points.get((lat, lon))
        if found is None:
            found = resolver.front_for(lat, lon)
            if len(self.points) >= self.SIZE:
                self.points.clear()
            self.points[lat, lon] = found
        return found

    def parties(self, resolver: Resolver, named: tuple[tuple[str | None, ...], ...],
                country: str | None = None) -> list[dict[str, str]]:
        """parties() of `named` in a row of `country`; the list is shared by the rows naming the same in
        the same country (a label names another organisation elsewhere: write/homes.py), never changed."""
        found = self.named.get((named, country))
        if found is None:
            found = parties(resolver, list(named), country)
            if len(self.named) >= self.SIZE:
                self.named.clear()
            self.named[named, country] = found
        return found


@dataclass
class Context:
    """What a reader knows of the whole file beyond one row: the user's options, what earlier rows
    settled (the order of numeric dates) and the resolver's answers to them (memo)."""

    dates: DateOrder = field(default_factory=DateOrder)
    line: int = 0  # the row being read, for messages that name another line
    memo: Memo = field(default_factory=Memo)


def coded(row: Mapping[str, str | None], column: str, meanings: Mapping[str, str], codes: str) -> str:
    """What a coded column (1 when empty) means, or RowError naming the `codes` it may hold."""
    code = (row.get(column) or "1").strip()
    if code not in meanings:
        raise RowError(f"{column} {code!r} is not {codes}")
    return meanings[code]


def attributes(row: Mapping[str, str | None], used: Iterable[str], counts: Iterable[str] = ()) -> dict:
    """The rest of the row: every non-empty column a reader did not turn into one of sitroom's fields,
    under the dataset's own name; the columns named in `counts` as whole numbers."""
    out: dict[str, object] = {}
    for name in rest_columns(tuple(row), tuple(used)):
        value = row[name]
        if value is None:
            continue
        text = value.strip() if type(value) is str else str(value).strip()
        if text:
            out[name] = parse_count(value, name) if name in counts else text
    return out


@lru_cache(maxsize=64)  # a file's columns and a reader's, the same on every row
def rest_columns(names: tuple[str, ...], used: tuple[str, ...]) -> tuple[str, ...]:
    """The columns of `names` not in `used`, in their order."""
    skip = frozenset(used)
    return tuple(n for n in names if n not in skip)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")


def first_sentence(text: str, limit: int = 240) -> str:
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def required(row: Mapping[str, str | None], column: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise RowError(f"empty {column}")
    return value


def point(row: Mapping[str, str | None], lat_col: str, lon_col: str) -> tuple[float, float]:
    lat = parse_coordinate(required(row, lat_col), lat_col, 90)
    lon = parse_coordinate(required(row, lon_col), lon_col, 180)
    assert lat is not None and lon is not None
    return lat, lon


def parties(resolver: Resolver, named: list[tuple[str | None, ...]],
            country: str | None = None) -> list[dict[str, str]]:
    """Faction entries for (name as written, role[, the dataset's actor code]) tuples of a row of
    `country`; several names may share a cell, split by ';'."""
    out: list[dict[str, str]] = []
    for cell, role, *code in named:
        for name in (cell or "").split(";"):
            if name.strip():
                faction = resolver.faction(name.strip(), *(code or [None]), country=country)
                out.append({"faction": faction, "role": role})
    return out



@lru_cache(maxsize=1 << 12)  # a file names a few dozen provinces, on every row
def _admin(name: str | None) -> str | None:
    return without_admin_suffix(name)


def event_key(dataset: str, key: str) -> str:
    """An event's id from the dataset's own id: the same row re-imported updates the same event."""
    return hashlib.sha1(f"{dataset}:{key}".encode()).hexdigest()[:16]


def located(dataset: str, key: str, resolver: Resolver, *, date: str, date_end: str | None,
            precision: str, where: str, place: str | None, admin1: str | None, country: str | None,
            lat: float, lon: float, area: str | None = None, memo: Memo | None = None) -> dict:
    """The fields a dataset's row gives every record: its ids, its dates, and where it happened. An
    event located to a point (`where` exact or near) is at a place of the gazetteer, found or added; one
    located only to an area (district, province, region, country) keeps the area's name and no point:
    the row's coordinates are then the area's centre, which only decides the front."""
    is_point = where in POINT_PRECISIONS
    if is_point and not place:
        raise RowError("empty location")
    admin1, country = _admin(admin1), (country or "").strip() or None
    return {
        "id": event_key(dataset, key),
        "source_event_id": key,
        "date": date,
        "date_end": date_end if date_end and date_end != date else None,
        "date_precision": precision,
        "front": memo.front(resolver, lat, lon) if memo else resolver.front_for(lat, lon),
        "place": resolver.place(place, admin1, lat, lon) if is_point and place else None,
        "lat": lat if is_point else None,
        "lon": lon if is_point else None,
        "location_precision": where,
        "area": None if is_point else (area or admin1 or country),
        "admin1": admin1,
        "country": country,
    }
