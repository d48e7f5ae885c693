"""Where an event's place is on the map, and how well that is known.

A gazetteer place is at its own point. A place the gazetteer does not know, or an unnamed one ("four
villages"), is located from the sentence's reference: "20 km south of Raqqa" is 20 km south of Raqqa's
point, give or take a quarter of that; "west of Raqqa" about 10 km west; "near"/"around" Raqqa, at
Raqqa within 5 km; "the western countryside of Raqqa" 15 km west within 20 km. Without a reference it
stands at its container (a city, an area, a governorate) or the report's last located place, marked
"not located". It is never given the reference's name.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from ..geography import syria
from .divisions import division_country, is_division
from .gazetteer import GazPlace
from .spelling import skeleton
from .where import Spot

BEARING = {"north": 0, "north-east": 45, "northeast": 45, "east": 90, "south-east": 135, "southeast": 135,
            "south": 180, "south-west": 225, "southwest": 225, "west": 270, "north-west": 315,
            "northwest": 315}
_AREA_KM = {"subdistrict": 10.0,
            "city": 5.0, "town": 3.0, "district": 2.0, "neighbourhood": 1.0, "area": 10.0, "region": 30.0,
            "countryside": 30.0, "desert": 50.0, "pocket": 20.0, "suburbs": 10.0, "governorate": 60.0,
            "province": 60.0}


@dataclass(frozen=True)
class Location:
    lat: float | None
    lon: float | None
    precision_km: float | None
    located_by: str
    # an area known only to a first-level division of another country (divisions.py): what puts it on
    # that division's front, as an import's row with only its admin1 is
    front: str | None = None
    admin1: str | None = None
    country: str | None = None


def division_location(area: GazPlace, said: str, bearing: str = "") -> Location:
    """An area of a division (divisions.py): at the division's centre with its extent as precision;
    "northern Marib" half that extent toward the direction, within half the precision."""
    country = division_country(area)
    lat, lon, km = area.lat, area.lon, area.precision_km or 10.0
    how = f"the centre of {country}'s division {area.name}"
    if bearing in BEARING and lat is not None and lon is not None:
        lat, lon = offset(lat, lon, BEARING[bearing], km / 2)
        km, how = km / 2, f"about {km / 2:.0f} km {bearing} of {how}"
    return Location(lat, lon, km, f"{said}: {how} (an area, not located)", area.front, area.name, country)


@cache
def governorates() -> dict[str, tuple[float, float]]:
    """Each governorate's rough centre (the mean of its outline's points), by consonant skeleton of its
    name and of each alias (the bundled boundaries, db/geography.py)."""
    out = {}
    for g in syria().governorates:
        points = [pt for ring in g.rings for pt in ring]
        if points:
            centre = (sum(p[1] for p in points) / len(points), sum(p[0] for p in points) / len(points))
            for name in (g.name, *g.aliases):
                out.setdefault(skeleton(name), centre)
    return out


def offset(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) on `bearing` (degrees), on a sphere: close enough at these scales."""
    d = km / 6371.0
    b, p1, l1 = math.radians(bearing), math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 4), round(math.degrees(l2), 4)


_SETTLEMENTS = frozenset({"town", "village", "villages", "towns"})


def _point(spot: Spot) -> GazPlace | None:
    return spot.place or spot.anchor


def province_centre(name: str) -> tuple[float, float] | None:
    """The centre of the governorate a name says ("Dera'a province", "northern Hama"), or None."""
    words = re.sub(r"\b(?:province|governorate|countryside|the|of|northern|southern|eastern|western)\b", "",
                   name, flags=re.IGNORECASE)
    return governorates().get(skeleton(words))


def _relative(relation: str, ref: GazPlace, ref_name: str) -> Location | None:
    if ref.lat is None or ref.lon is None:
        return None
    rel = relation.casefold()
    dist = re.match(r"(\d+(?:\.\d+)?)\s*(km|kilomet\w*|miles?)", rel)
    dirs = [d for d in re.findall(r"north-?east|north-?west|south-?east|south-?west|north|south|east|"
                                  r"west", rel)]
    if "countryside" in rel and dirs:
        # A city's countryside is its governorate's part on that side, tens of kilometres across: the
        # point is a guess a little way out, and its precision says so.
        lat, lon = offset(ref.lat, ref.lon, BEARING[dirs[0].replace("-", "")], 20)
        return Location(lat, lon, 40.0, f"{relation} {ref_name}: about 20 km {dirs[0]} of it, within "
                        "about 40 km")
    if dirs:
        km = float(dist.group(1)) * (1.609 if dist.group(2).startswith("mile") else 1) if dist else 10.0
        bearings = [BEARING[d.replace("-", "")] for d in dirs]
        bearing = bearings[0] if len(bearings) == 1 else (sum(bearings) / len(bearings))
        lat, lon = offset(ref.lat, ref.lon, bearing, km)
        return Location(lat, lon, max(2.0, km / 4) if dist else 10.0, f"{relation} {ref_name}")
    if is_division(ref) and (rel in ("in", "province", "governorate") or rel in _AREA_KM):
        return division_location(ref, f"in {ref_name}")
    if rel in ("in", "province", "governorate") or rel in _AREA_KM:
        return Location(ref.lat, ref.lon, _AREA_KM.get(ref.kind, 10.0), f"in {ref_name}: not located")
    return Location(ref.lat, ref.lon, 5.0, f"{relation} {ref_name}")


def locate(spot: Spot, fallback: tuple[GazPlace, str] | None) -> Location:
    """Where the event place `spot` is, and how it was found."""
    if spot.place is not None and not spot.relation:
        p = spot.place
        source = "the store's gazetteer" if p.in_store else "GeoNames (bundled gazetteer)"
        return Location(p.lat, p.lon, p.precision_km or 1.0, f"{source}: {p.name}")
    if spot.place is not None:  # the happening's place given only by its reference: "east of Resafa"
        found = _relative(spot.relation, spot.place, spot.place.name)
        if found:
            return Location(found.lat, found.lon, found.precision_km, found.located_by + " (approximate)")
    if spot.anchor is not None and spot.anchor.lat is not None:  # "Homs desert", "Afrin city centre"
        km = _AREA_KM.get(spot.kind, 10.0)
        return Location(spot.anchor.lat, spot.anchor.lon, km, f"an area named after {spot.anchor.name} "
                        f"(within about {km:.0f} km)")
    if spot.kind in ("governorate", "province") and spot.name and (centre := province_centre(spot.name)):
        return Location(centre[0], centre[1], 60.0, f"{spot.name}: the governorate's centre, not located")
    ref = spot.ref
    # "the town of A in the northwestern province of Idlib", "the village of B in Hama": a town or village
    # is in the governorate, not in the city of its name.
    if ref is not None and ref.name and (ref.kind in ("governorate", "province") or (
            ref.kind == "city" and (ref.relation or "in") == "in" and spot.kind in _SETTLEMENTS)) and (
            centre := province_centre(ref.name)):
        return Location(centre[0], centre[1], 60.0, f"in {ref.name}: the governorate's centre, not located")
    if ref is not None and (point := _point(ref)) is not None:
        found = _relative(ref.relation or "in", point, ref.name or point.name)
        if found:
            return found
    if ref is not None and ref.name and (centre := province_centre(ref.name)):
        return Location(centre[0], centre[1], 60.0, f"in {ref.name}: not located")
    said = f"{spot.relation} {spot.name}: " if spot.relation and spot.name and spot.role != "container" and \
        spot.relation not in ("in", spot.kind) else ""
    if not said and ref is not None and ref.name and ref.relation and ref.relation != "in":
        said = f"{ref.relation} {ref.name}: "  # a reference no gazetteer knows: named, not located
    if fallback is not None and fallback[0].lat is not None:
        place, why = fallback
        return Location(place.lat, place.lon, 50.0, f"{said}not located: {why}")
    if said:
        return Location(None, None, None, f"{said}not located")
    return Location(None, None, None, "not located")
