"""sitroom's own JSON Lines: one event record a line, as `sitroom export --format jsonl` writes them.

A record may describe what it refers to (front_name and the front's kind, country and division;
place_name, admin1, source_title; each faction's name, short label, bloc, colour and the units it is
part of, `parents`), so that a file exported from one store imports into an empty one as the same
events on the same fronts, with the same sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...fronts import BUNDLED, USER, carry_user_front, describe_carried, parse
from ...write.records import RowError, parse_coordinate
from ...write.resolve import OTHER_FRONT, Resolver
from .common import Context

KIND = "jsonl"
REQUIRED = ()
ALIASES: dict[str, str] = {}
MADE_BY_A_USER = (USER, BUNDLED)  # fronts whose area a file does not carry


def detect(first_line: str) -> bool:
    return first_line.lstrip().startswith("{")


def to_record(record: Mapping[str, Any], resolver: Resolver, context: Context | None = None) -> dict:
    out = dict(record)
    lat = parse_coordinate(record.get("lat"), "latitude", 90)
    lon = parse_coordinate(record.get("lon"), "longitude", 180)
    front = record.get("front")
    kind = record.get("front_kind")
    area = record.get("front_area") if kind == USER else None  # what another store's user made it cover
    if isinstance(front, str) and front and front not in resolver.ref.fronts and kind in MADE_BY_A_USER \
            and parse(area if isinstance(area, str) else None) is None:
        # What another store's user made the front cover is not in the file: this store's rules decide.
        out["front"] = front = resolver.front_for(lat, lon) if lat is not None and lon is not None \
            else resolver.front(OTHER_FRONT, "Other")
    if isinstance(front, str) and front:
        new = front not in resolver.ref.fronts
        resolver.front(front, record.get("front_name"))
        if new and not carry_user_front(resolver.conn, front, area):
            describe_carried(resolver.conn, front, kind, record.get("front_country"),
                             record.get("front_admin1"))
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
        factions.append({"faction": _faction(party, resolver), "role": party.get("role")})
    out["factions"] = factions
    return out


def _faction(party: Mapping[str, Any], resolver: Resolver) -> str:
    """The store's slug for a faction the file describes, made (after the units it is part of, outermost
    first, so that each is made with its parent) if the store has none of that slug."""
    slug = party["faction"]
    if slug in resolver.ref.factions:
        return slug
    parents = party.get("parents")
    chain = [p for p in parents if isinstance(p, Mapping) and isinstance(p.get("faction"), str)] \
        if isinstance(parents, list) else []
    parent = party.get("parent") if isinstance(party.get("parent"), str) else None
    above = None
    for unit in reversed(chain):  # the outermost first
        above = _made(unit, above, resolver)
    if chain:
        parent = above  # the parent's slug in this store, which a name match may have made another
    return _made(party, parent, resolver)


def _made(party: Mapping[str, Any], parent: str | None, resolver: Resolver) -> str:
    slug = party["faction"]
    if slug in resolver.ref.factions:
        return slug
    return resolver.faction(party.get("name") or slug, slug=slug, name=party.get("name"),
                            short=party.get("short"), parent=parent, bloc=party.get("bloc"),
                            colour=party.get("colour"))
