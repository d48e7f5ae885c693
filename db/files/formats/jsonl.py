"""sitroom's own JSON Lines: one event record a line, as `sitroom export --format jsonl` writes them.

A record may describe what it refers to (front_name, place_name, admin1, source_title, and faction
names), so that a file exported from one store imports into an empty one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...write.records import RowError, parse_coordinate
from ...write.resolve import Resolver
from .common import Context

KIND = "jsonl"
REQUIRED = ()
ALIASES: dict[str, str] = {}


def detect(first_line: str) -> bool:
    return first_line.lstrip().startswith("{")


def to_record(record: Mapping[str, Any], resolver: Resolver, context: Context | None = None) -> dict:
    out = dict(record)
    lat = parse_coordinate(record.get("lat"), "latitude", 90)
    lon = parse_coordinate(record.get("lon"), "longitude", 180)
    front = record.get("front")
    if isinstance(front, str) and front:
        resolver.front(front, record.get("front_name"))
    elif lat is not None and lon is not None:
        out["front"] = resolver.front_for(lat, lon)
    place = record.get("place")
    if isinstance(place, str) and place and place not in resolver.ref.places:
        if lat is None or lon is None:
            raise RowError(f"unknown place {place!r} and no coordinates to add it with")
        out["place"] = resolver.place(record.get("place_name") or place, record.get("admin1"), lat, lon,
                                      kind=record.get("place_kind"), place_id=place, front=out.get("front"))
    source = record.get("source")
    if isinstance(source, str) and source and source not in resolver.ref.sources:
        if not record.get("source_title"):
            raise RowError(f"unknown source {source!r} and no source_title to add it with")
        resolver.source(source, record["source_title"], record.get("source_publisher"),
                        record.get("source_published"), record.get("source_url"),
                        record.get("source_kind") or "report")
    factions = []
    for party in record.get("factions") or ():
        if not isinstance(party, Mapping) or not isinstance(party.get("faction"), str):
            raise RowError(f"faction entry {party!r} is not an object with faction and role")
        slug = party["faction"]
        if slug not in resolver.ref.factions:
            slug = resolver.faction(party.get("name") or slug, slug=slug, name=party.get("name"),
                                    short=party.get("short"), parent=party.get("parent"),
                                    bloc=party.get("bloc"), colour=party.get("colour"))
        factions.append({"faction": slug, "role": party.get("role")})
    out["factions"] = factions
    return out
