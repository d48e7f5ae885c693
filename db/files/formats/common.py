"""Helpers the format readers share."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from ...write.records import RowError, parse_coordinate
from ...write.resolve import Resolver

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


def parties(resolver: Resolver, named: list[tuple[str | None, str]]) -> list[dict[str, str]]:
    """Faction entries for (name as written, role) pairs; several names may share a cell, split by ';'."""
    out: list[dict[str, str]] = []
    for cell, role in named:
        for name in (cell or "").split(";"):
            if name.strip():
                out.append({"faction": resolver.faction(name.strip()), "role": role})
    return out



def located(dataset: str, key: str, date: str, precision: str, resolver: Resolver, place: str,
            admin1: str | None, lat: float, lon: float) -> dict:
    """The fields a dataset's row gives every record: an id stable across re-imports (from the dataset's
    own id), the date, and where: the front and place its point resolves to."""
    return {
        "id": hashlib.sha1(f"{dataset}:{key}".encode()).hexdigest()[:16],
        "date": date,
        "date_precision": precision,
        "front": resolver.front_for(lat, lon),
        "place": resolver.place(place, admin1, lat, lon),
        "lat": lat,
        "lon": lon,
    }
