"""Region-level places: an extent of land named by a direction or part of a governorate or of a place's
surroundings ("northern Hama", "Idlib's western and northern countryside", "the countryside of the
provinces of Hama and Idlib", "the provincial borders of Idlib", "a large area east of Damascus"), or a
named area the gazetteer lacks ("the Eastern Ghouta"). Each becomes one region spot under its own name as
written (bench/reports/README.md, Conventions), so that a happening placed only there is an event at the
region; beside a precise place it stays that place's container (extract.py's scope). A region is
located approximately inside its governorate — its centre, moved the way the direction says — and never
at the point of the city it is named after.
"""

from __future__ import annotations

import itertools
import re

from ..geography import atlas
from .described import described, described_location
from .divisions import is_division
from .gazetteer import GazPlace
from .locate import BEARING, Location, division_location, governorates, offset
from .region_forms import PROVINCE_OF, forms, governorate_named
from .spelling import skeleton
from .where import Spot, siblings

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?"
_DIRS = r"(?P<dirs>" + _DIR + r"(?:\s*(?:,|and|,\s*and)\s*" + _DIR + r")*)"
# "Idlib's western and northern countryside": one region per direction
_POSSESSIVE = re.compile(r"(?P<name>(?:(?:Al|al|Ar|ar|Ad|Deir|Dayr|Rif|Ras)[- ])?[A-Z][\w-]+)['’]s\s+"
                         + _DIRS + r"\s+(?P<noun>countryside|countrysides|suburbs|parts?|"
                         r"areas|regions?|outskirts|border areas)\b", re.IGNORECASE)
# "northern Hama province", "Southeast Raqqa … Governorates": a part of a governorate
_DIR_BEFORE = re.compile(r"\b" + _DIR + r"\s+$", re.IGNORECASE)
# "the countryside of (the provinces of) X", "the provincial borders of X", "the (northern) outskirts
# of the province of X": an extent of X's land, not X
_EXTENT_OF = re.compile(r"\b(?:the\s+)?(?:(?:" + _DIR + r"\s+)?(?:countryside(?:\s+(?:side|areas?))?|"
                        r"provincial\s+borders?|province's\s+borders?|administrative\s+borders?|rural\s+areas?)|"
                        # "the eastern parts of Raqqa", "the northern half of Tabqa": a part of a place by
                        # its direction (without one, "parts of X" is X's own business)
                        + _DIR + r"\s+(?:parts?|half|sides?|sections?|suburbs|districts|neighbou?rhoods))"
                        r"\s+of\s+(?:the\s+)?(?:(?:provinces?|governorates?|city|town)\s+of\s+(?:the\s+)?)?$",
                        re.IGNORECASE)
# a named area the gazetteer lacks, with its governorate
_AREAS = {r"(?:the\s+)?(?:East(?:ern)?|West(?:ern)?)\s+Ghouta|(?:the\s+)?Ghouta": "Rif Dimashq",
          r"(?:the\s+)?(?:Eastern\s+|Western\s+)?Qalamoun(?:\s+mountains)?": "Rif Dimashq"}
# "a large area southeast of Damascus": territory located only by a direction from a place
_STRETCH = re.compile(r"^(?:a|an|the)?\s*(?:large|vast|wide|huge|big|significant)?\s*(?:areas?|territory|"
                      r"swaths?|swathes?|stretch(?:es)?|chunks?)(?:\s+of\s+(?:land|territory))?$",
                      re.IGNORECASE)
_DIRECTION_OF = re.compile(r"^\s+(?:to\s+the\s+)?(?P<dir>north|south|east|west|north-?east|north-?west|"
                           r"south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$",
                           re.IGNORECASE)
# "gathering centers South and East of X": two or more directions from one place, one region each
_DIRS_OF = re.compile(r"(?<![\w-])(?P<dirs>" + _DIR + r"(?:\s*(?:,|and|,\s*and)\s*" + _DIR + r")+)\s+of\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)
_PART = re.compile(r"(?<!countryside )\b(?:parts?|half|sides?|sections?|suburbs|districts|neighbou?rhoods)"
                   r"(?=\s+of\b)", re.IGNORECASE)
_SETTLED = ("city", "town", "village")
_IN = re.compile(r"\s*,?\s*(?:in|of|within|inside|across)\s+(?:the\s+)?", re.IGNORECASE)
_NAMESAKE = ("city", "town", "governorate", "province", "village", "locality", "subdistrict")


def _region(s: str, start: int, end: int, anchor: GazPlace | None, relation: str, area: str | None = None,
            role: str = "event",
            name: str | None = None) -> Spot:
    spot = Spot(start, end, s[start:end], name or s[start:end], None, "region", role=role,
                relation=relation, anchor=anchor)
    spot.notes.append(f"a region: '{spot.name}'" + (f" in {area}" if area else ""))
    if area:
        spot.bare = area  # the governorate a named area lies in
    return spot


def regions(s: str, spots: list[Spot]) -> list[Spot]:
    """The sentence's places with each region-level extent made one region spot (several for a list of
    directions); other places as found."""
    for p in spots:
        _division_area(p)
    spots = forms(s, spots)
    out: list[Spot] = []
    for i, p in enumerate(spots):
        anchor = p.place or p.anchor
        # "the northern countryside of Latakia province": a governorate the gazetteer has no row for
        namesake = p.name is not None and (p.kind in _NAMESAKE or p.kind in ("region", "countryside")) \
            and (anchor is not None or (p.kind in ("governorate", "province")
                                        and bool(governorate_named(p.name))))
        extent = _EXTENT_OF.search(s[:p.start]) if namesake else None
        if (extent and p.kind not in ("region", "countryside")) or (
                extent is None and namesake and out and out[-1].kind == "region" and out[-1].relation == "of"
                and siblings(s, spots[i - 1], p) and _EXTENT_OF.search(s[:spots[i - 1].start])):
            m = extent or _EXTENT_OF.search(s[:spots[i - 1].start])
            assert m is not None
            d = re.match(_DIR, m.group().strip().removeprefix("the ").strip(), re.IGNORECASE)
            start = extent.start() if extent else p.start
            role = p.role
            if role == "reference" and p.relation.endswith("countryside of") and \
                    _own_extent(s, start, spots[:i]):
                role = "event"  # "clashes in the northern countryside of Latakia": the happening's place
                for q in spots:
                    q.ref = None if q.ref is p else q.ref
            out.append(_region(s, start, p.end, anchor, "of", role=role, name=(
                s[start:p.end] if extent else f"the {m.group().split(' of')[0].split()[-1]} of {p.name}")))
            if d:
                out[-1].relation = d.group().casefold()
            if anchor is not None and anchor.kind in _SETTLED and _PART.search(out[-1].name or ""):
                out[-1].place = anchor  # "the eastern parts of Raqqa": in Raqqa, never at its point
            continue
        if p.name and p.kind in ("governorate", "province") and p.relation == "province":
            before = _DIR_BEFORE.search(s[:p.start])
            if before:  # "northern Hama province"
                out.append(_region(s, before.start(), p.end, anchor, before.group().strip().casefold(),
                                   role=p.role))
                continue
        if p.name is None and _STRETCH.match(p.text):
            ref = next((q for q in spots[i + 1:i + 2] if q.name and (q.place or q.anchor)), None)
            m = _DIRECTION_OF.match(s[p.end:ref.start]) if ref else None
            if ref is not None and m:  # "a large area southeast of Damascus"
                out.append(_region(s, p.start, ref.end, ref.place or ref.anchor, m.group("dir").casefold()))
                spots[i + 1] = Spot(ref.start, ref.end, ref.text, ref.name, ref.place, ref.kind, "modifier")
                continue
        dirs = _DIRS_OF.search(s[:p.start]) if p.name and anchor is not None else None
        if dirs:  # the place stays the others' reference; each direction of it is a region of its own
            for d in re.findall(_DIR, dirs.group("dirs"), re.IGNORECASE):
                out.append(_region(s, dirs.start(), p.end, anchor, d.casefold(), name=f"{d} of {p.name}"))
        out.append(p)
    for pattern, area in _AREAS.items():
        for m in re.finditer(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", s):
            out = [q for q in out if not (q.start < m.end() and m.start() < q.end)]
            d = re.match(r"(?:the\s+)?(East|West)", m.group(), re.IGNORECASE)
            out.append(_region(s, m.start(), m.end(), None, d.group(1).casefold() if d else "", area))
    for m in _POSSESSIVE.finditer(s):  # "Idlib's western and northern countryside": one region each
        held = [q for q in out if q.start < m.end() and m.start() < q.end]
        anchor = next((q.place or q.anchor for q in held if q.start <= m.start("name") < q.end), None)
        area = _area_named(m.group("name"))
        if anchor is None and area is None:
            continue
        out = [q for q in out if q not in held]
        for d in re.findall(_DIR, m.group("dirs"), re.IGNORECASE):
            spot = _region(s, m.start(), m.end(), anchor, d.casefold(), area,
                           name=f"{m.group('name')}'s {d} {m.group('noun')}")
            out.append(spot)
    out.sort(key=lambda q: q.start)
    for before, q in itertools.pairwise(out):  # "the village of X in northern Hama": the region holds X
        if q.kind == "region" and q.role == "event" and before.name and before.rank < 5 and \
                before.role == "event" and _IN.fullmatch(s[before.end:q.start]):
            q.role, q.relation = "container", q.relation or "in"
    return described(s, out)


_NEAR_BEFORE = re.compile(r"\b(?:near(?:\s+to)?|around|close\s+to|outside(?:\s+of)?|adjacent\s+to|next\s+to|"
                          r"towards?|from|of|between)\s*$", re.IGNORECASE)
_ATTACHED = re.compile(r"\s*,?\s*(?:(?:located|situated|lying)\s+)?(?:in|within|inside|at|of|on)?\s*",
                       re.IGNORECASE)


def _own_extent(s: str, start: int, before: list[Spot]) -> bool:
    """Whether an extent the roles read as a reference ("the northern countryside of X") stands on its own:
    not after "near", "from" and the like, and not tied to the named place just before it ("A in the
    western countryside of X" locates A); after a list's "and" or a verb it is a place of its own."""
    if _NEAR_BEFORE.search(s[:start]):
        return False
    previous = next((q for q in reversed(before) if q.name), None)
    return previous is None or not _ATTACHED.fullmatch(s[previous.end:start])


def _division_area(p: Spot) -> None:
    """Another country's division named as a place ("Marib", "Marib province", "northern Marib", "the
    province of Marib"): an area under its words, the division its anchor, never a place of its own. It is
    a happening's place when nothing finer is named beside it (the last loop of `regions` makes it the
    container of a place "in" it)."""
    area = p.place or p.anchor
    if area is None or not is_division(area) or p.role not in ("event", "container"):
        return
    p.anchor, p.place, p.kind, p.role = area, None, "region", "event"
    p.notes.append(f"'{p.name}': a first-level division of the store, an area")


def _area_named(name: str) -> str | None:
    """The governorate a region's words name ("northern Hama province" → Hama), or None."""
    words = re.sub(r"['’]s\b|\b(?:" + _DIR + r"|province|governorate|countryside|rural|the|of|al-|ar-|"
                   r"provincial|borders?)\b", " ", name, flags=re.IGNORECASE)
    key = skeleton(" ".join(words.split()))
    return name if key and key in governorates() else None


def _inside(area: str | None, lat: float, lon: float) -> bool:
    region = atlas().region("Syria", area) if area else None
    return region is None or region.contains(lon, lat)


def _governorate(anchor: GazPlace | None, spot: Spot) -> tuple[str | None, tuple[float, float] | None]:
    """The governorate a region lies in and its centre: the named area's, else the anchor's admin1."""
    named = _area_named(spot.name or "")
    own = governorate_named(spot.name or "")
    if own and skeleton(own) == skeleton("Damascus") and re.search(
            r"\b(?:province|countryside|rural|" + _DIR + r")\b", spot.name or "", re.IGNORECASE):
        own = "Rif Dimashq"  # "eastern Damascus province": the governorate around the capital
    for name in (own, named and re.sub(r"['’]s\b.*", "", named), spot.bare,
                 anchor.admin1 if anchor else None):
        words = re.sub(r"\b(?:" + _DIR + r"|province|governorate|countryside|rural|the|of|al-|ar-)\b", " ",
                       name or "", flags=re.IGNORECASE)
        clean = " ".join(words.split())
        if name and (centre := governorates().get(skeleton(clean))) is not None:
            return clean, centre
    return None, None


def region_location(spot: Spot) -> Location | None:
    """Where a region spot lies, approximately: the governorate's centre moved toward the stated direction
    (staying inside it) when the region is named after the governorate or its capital; else about 10 km
    that way from the place it is named after; a described place ("towns southeast of X") from its
    references (described.py); None for any other spot."""
    if spot.described:
        return described_location(spot, region_location)
    if spot.place is None and spot.anchor is not None and is_division(spot.anchor):
        said = re.search(r"(?:north|south|east|west)(?:-?(?:east|west))?", f"{spot.relation} {spot.name}",
                         re.IGNORECASE)
        return division_location(spot.anchor, spot.name or spot.anchor.name,
                                 said.group().casefold().replace("-", "") if said else "")
    if spot.kind not in ("region", "countryside") or spot.place not in (None, spot.anchor) or \
            spot.name is None or \
            (spot.anchor is None and not spot.notes[:1]):
        return None
    anchor = spot.anchor
    # "the eastern province of Deir Ezzor" is the whole governorate: no direction within it
    said = re.search(r"(?:north|south|east|west)[\w-]*",
                     f"{spot.relation} {PROVINCE_OF.sub('', spot.name)}".casefold())
    d = re.match(r"(north|south|east|west)?-?(north|south|east|west)?", said.group() if said else "")
    bearing_key = "".join(x for x in (d.groups() if d else ()) if x)
    bearing = BEARING.get(bearing_key)
    area, centre = _governorate(anchor, spot)
    namesake = anchor is None or _area_named(spot.name or "") is not None or \
        (anchor.kind in ("governorate", "province"))
    if namesake and centre is not None:
        lat, lon = centre
        km = 0.0
        for step in (35.0, 20.0, 10.0):
            if bearing is None:
                break
            there = offset(centre[0], centre[1], bearing, step)
            if _inside(area, *there):
                (lat, lon), km = there, step
                break
        how = f"about {km:.0f} km {bearing_key} of the {area} governorate's centre" if km else \
            f"the {area} governorate's centre"
        return Location(lat, lon, 40.0, f"{spot.name}: {how} (approximate, a region)")
    if anchor is None or anchor.lat is None or anchor.lon is None:
        return Location(centre[0], centre[1], 60.0, f"{spot.name}: the {area} governorate's centre "
                        "(approximate, a region)") if centre else None
    if bearing is None:
        lat, lon = offset(anchor.lat, anchor.lon, 0, 0)
        return Location(lat, lon, 15.0, f"{spot.name}: around {anchor.name}, within about 15 km "
                        "(approximate, a region)")
    part = _PART.search(spot.name) if anchor.kind in _SETTLED else None
    if part:  # "the eastern parts of Raqqa": inside the place's own extent, a few km that way
        km, within = (6.0, 8.0) if part.group().casefold() == "suburbs" else (3.0, 5.0)
        lat, lon = offset(anchor.lat, anchor.lon, bearing, km)
        return Location(lat, lon, within, f"{spot.name}: about {km:.0f} km {bearing_key} of {anchor.name}'s "
                        f"centre, within about {within:.0f} km (approximate, a part of it)")
    lat, lon = offset(anchor.lat, anchor.lon, bearing, 10.0)
    return Location(lat, lon, 15.0, f"{spot.name}: about 10 km {bearing_key} of {anchor.name} "
                    "(approximate, a region)")
