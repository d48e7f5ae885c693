"""Partial gains and stretches of territory: what a capture verb took only part of (issue 18).

Only a capture of the place itself changes who holds it. "Seized large chunks of the city", "parts of X",
"several neighbourhoods of Raqqa" are advances at that place; "several strategic hills east of Khansir"
is an advance at an unnamed place located from its reference, never at the reference. "Hundreds of
kilometres of territory … in the Homs and Deir Ezzor governorates" is one advance over a stretch of land,
not a list of places: it stands at the area those governorates span (a region the gazetteer holds there,
of about that size, when it has one), with a precision to match.
"""

from __future__ import annotations

import math
import re

from .gazetteer import Gazetteer, GazPlace
from .locate import Location, governorates
from .spelling import skeleton
from .where import Spot

# "large chunks of (the city)", "parts of", "several neighbourhoods of": a part of the place that follows
_PART = re.compile(r"\b(?:(?:large|small|big|vast|wide|significant|huge|major|key|several|some|many|"
                   r"two|three|four|the|new|further|more|strategic|eastern|western|northern|southern|"
                   r"central)\s+)*(?P<part>chunks?|parts?|portions?|sections?|swathes?|swaths?|most|much|half|"
                   r"neighbou?rhoods?|districts?|quarters?)\s+(?:of|in|inside)\s+"
                   r"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
_ALWAYS_PART = re.compile(r"chunk|part|portion|section|swath|most|much|half", re.IGNORECASE)
# unnamed heights taken near a named place: a gain in that place's area, not a place changing hands
_HEIGHTS = re.compile(r"\b(?:hills?|hilltops?|heights|positions|points|mountains?|peaks?)$", re.IGNORECASE)
# a measured or wide stretch of land: "hundreds of kilometers of territory", "300 square kilometres"
TERRITORY = re.compile(r"\b(?:square\s+(?:kilomet(?:er|re)s|km)|"
                       r"kilomet(?:er|re)s\s+of\s+(?:territory|land|desert))$", re.IGNORECASE)
_REGION_KINDS = ("region", "desert")


_OF_PLACE = re.compile(r"^\s+(?:of|in|inside)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.IGNORECASE)
_PART_NOUN = re.compile(r"\b(?:neighbou?rhoods?|districts?|quarters?|parts?|areas?|sections?|blocks)$",
                        re.IGNORECASE)


def whole_of(s: str, chosen: list[Spot], spots: list[Spot]) -> list[Spot]:
    """"Several neighbourhoods of Homs": the town the unnamed parts belong to is the happening's place
    (part_of makes it an advance there), not an unnamed place beside it."""
    out: list[Spot] = []
    for p in chosen:
        whole = next((q for q in spots if q.start >= p.end and q.name and q.rank >= 3
                      and _OF_PLACE.match(s[p.end:q.start])), None) if p.name is None else None
        p = whole if whole is not None and _PART_NOUN.search(p.text) else p
        if all(p is not q for q in out):
            out.append(p)
    return out


def part_of(s: str, since: int, spot: Spot) -> str | None:
    """The words ("large chunks of") that make a capture at the named `spot` a gain of part of it, or
    None. Neighbourhoods, districts and areas are a part only of a town or city; a village "of" is its
    name ("the neighbourhoods of Sinaa and Jazra")."""
    if spot.name is None:
        return None
    m = _PART.search(s[since:spot.start])
    if not m:
        return None
    if not _ALWAYS_PART.match(m.group("part")) and spot.rank < 3:
        return None
    return m.group().strip()


def hills_near(s: str, spot: Spot) -> bool:
    """An unnamed height or position located only from the named place just after it ("several strategic
    hills east of Khansir")."""
    ref = spot.ref
    return spot.name is None and bool(_HEIGHTS.search(spot.text)) and ref is not None and \
        ref.role == "reference" and ref.start > spot.end and ref.start - spot.end < 40 and \
        not re.search(r"[,;]", s[spot.end:ref.start])


def is_territory(spot: Spot) -> bool:
    return spot.name is None and bool(TERRITORY.search(spot.text))


def _centre(spot: Spot) -> tuple[float, float] | None:
    for name in (spot.bare, spot.name, spot.anchor.name if spot.anchor else None):
        if name:
            words = re.sub(r"\b(?:province|governorate|countryside|the|of)\b", "", name, flags=re.IGNORECASE)
            if (found := governorates().get(skeleton(words))) is not None:
                return found
    return None


def span(areas: list[Spot], gaz: Gazetteer) -> tuple[Location, GazPlace | None, str]:
    """Where a stretch of territory in `areas` (governorates or regions) lies: their joint centre, within
    half their spread (at least a governorate's 60 km); a region of the gazetteer there and about that
    size, in one of them, is the place."""
    centres = [c for c in (_centre(a) for a in areas) if c is not None]
    names = " and ".join(dict.fromkeys(a.bare or a.name or "" for a in areas if a.name))
    if not centres:
        anchor = next((a.anchor or a.place for a in areas if (a.anchor or a.place)), None)
        if anchor is None or anchor.lat is None:
            return Location(None, None, None, f"territory in {names}: not located"), None, names
        centres = [(anchor.lat, anchor.lon)]
    lat = sum(c[0] for c in centres) / len(centres)
    lon = sum(c[1] for c in centres) / len(centres)
    spread = max((_km(lat, lon, c[0], c[1]) for c in centres), default=0.0)
    km = round(max(60.0, spread), -1)
    admin = {skeleton(a.bare or a.name or "") for a in areas}
    regions = [p for p in gaz.places.values() if p.kind in _REGION_KINDS and p.lat is not None
               and p.in_store and skeleton(p.admin1 or "") in admin
               and _km(lat, lon, p.lat, p.lon) <= km / 2 and (p.precision_km or 0) >= km / 2]
    if regions:
        region = min(regions, key=lambda p: _km(lat, lon, p.lat, p.lon))
        return (Location(region.lat, region.lon, region.precision_km,
                         f"territory in {names}: the gazetteer's {region.name}, the region they span"),
                region, names)
    return Location(round(lat, 4), round(lon, 4), km, f"territory in {names}: the area they span "
                    f"(within about {km:.0f} km)"), None, names


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = (lat2 - lat1) * 111.0
    dlon = (lon2 - lon1) * 111.0 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dlat, dlon)
