"""What the map shows for a view, worked out in the map's worker: the frame (the chosen fronts' areas,
else the countries where most of the filter's events are), the legend's name for it, the areas events
are known only to, and the boundaries around the frame. Pure functions of store values and the bundled
boundaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitroom.db import AreaEvents, Atlas, BBox, EventRow, Front, Held, Region

from .reference import Reference
from .widgets import MapView

WHOLE_COUNTRY = (60.0, 45.0)  # degrees: a country wider or taller (overseas lands) is framed by its divisions
AREA_PRECISIONS = ("district", "province", "region", "country", None)


def union(boxes: Iterable[BBox]) -> BBox | None:
    boxes = list(boxes)
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def grown(box: BBox) -> BBox:
    """The frame's box with room around it: the canvas keeps the aspect, so it shows more than asked."""
    span = max(box[2] - box[0], box[3] - box[1], 0.5)
    return (box[0] - span, box[1] - span, box[2] + span, box[3] + span)


def area_of(atlas: Atlas, a: AreaEvents) -> Region | None:
    """The outline of the area events are known to: their division (a district is drawn as its
    province, the smallest area the boundaries hold), else their country."""
    if a.precision == "country" or not (a.admin1 or a.area):
        return atlas.country(a.country or a.area)
    return atlas.region(a.country, a.admin1 or a.area) or (
        atlas.country(a.country) if a.precision == "region" else None)


def front_box(atlas: Atlas, front: Front) -> BBox | None:
    if front.bbox:
        return front.bbox
    if front.kind == "division":
        region = atlas.region(front.country, front.admin1)
        return region.bbox if region else None
    if front.kind == "country":
        country = atlas.country(front.country)
        return country.bbox if country else None
    return None


def named(countries: Sequence[str]) -> str:
    if len(countries) <= 3:
        return ", ".join(countries)
    return f"{', '.join(countries[:2])} and {len(countries) - 2} more countries"


@dataclass(frozen=True)
class Framing:
    """What the map frames, decided before its events are read: the chosen fronts' areas, else the
    countries where most of the filter's events are."""

    box: BBox | None
    label: str = ""
    focus: frozenset[str] = frozenset()  # the countries drawn whole (ISO codes)
    zoomed: tuple[str, ...] = ()  # the fronts chosen: the legend counts their places only
    fronts: tuple[str, ...] = ()  # the map marks these fronts' events only; (): all the filter passes
    shown: int | None = None  # events the filter passes inside the frame, when counted
    elsewhere: int = 0  # events the filter passes outside it


def framing(atlas: Atlas, ref: Reference, fronts: tuple[str, ...],
            counts: Mapping[str, int] | None) -> Framing:
    """The frame for a view zoomed to `fronts`, or (none chosen) for `counts`, the filter's events per
    front: the countries holding the most of them, largest first, until they hold half of them, and
    any other with a tenth or more. A world file is framed where its events are, not by its latest
    rows (a page of the newest events is one region's), and a stray event abroad never widens it."""
    chosen = [f for f in (ref.front(s) for s in fronts) if f is not None]
    box = union(b for b in (front_box(atlas, f) for f in chosen) if b)
    if box is not None:
        focus = frozenset(c.code for c in (atlas.country(f.country) for f in chosen) if c)
        return Framing(box, ref.view_name(fronts[0], fronts if len(fronts) > 1 else ()), focus, fronts)
    if not counts:
        return Framing(None)
    by_country: dict[str, list[tuple[Front, int]]] = {}
    for slug, n in counts.items():
        front = ref.front(slug)
        if not n or front is None:
            continue
        country = atlas.country(front.country) if front.country else None
        if country is None and (area := front_box(atlas, front)):
            country, _ = atlas.locate((area[0] + area[2]) / 2, (area[1] + area[3]) / 2)
        if country is not None:
            by_country.setdefault(country.code, []).append((front, n))
    total = sum(counts.values())
    codes = _most(atlas, {code: sum(n for _, n in members) for code, members in by_country.items()})
    taken = [(country, by_country[country.code]) for country in codes]
    if not taken:
        return Framing(None)
    held = sum(n for _, members in taken for _, n in members)
    box = union(_framed(atlas, country, members) for country, members in taken)
    slugs = tuple(f.slug for _, members in taken for f, _ in members)
    return Framing(box, named([c.name for c, _ in taken]), frozenset(c.code for c, _ in taken),
                   fronts=slugs if held < total else (), shown=held, elsewhere=total - held)


def _most(atlas: Atlas, counts: Mapping[str, int]) -> list[Region]:
    """The countries (by ISO code in `counts`) holding the most events, largest first, until they hold
    half of them, and any other with a tenth or more."""
    total = sum(counts.values())
    taken: list[Region] = []
    held = 0
    for code, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        country = atlas.by_code(code)
        if country is None or (taken and held >= total / 2 and n < total / 10):
            continue
        taken.append(country)
        held += n
    return taken


def _framed(atlas: Atlas, country: Region, members: Sequence[tuple[Front, int]]) -> BBox:
    """A country's part of the frame: the country, or where it is wider or taller than WHOLE_COUNTRY
    (overseas lands), its fronts' areas that hold the events."""
    west, south, east, north = country.bbox
    if east - west <= WHOLE_COUNTRY[0] and north - south <= WHOLE_COUNTRY[1]:
        return country.bbox
    return union(b for b in (front_box(atlas, f) for f, _ in members) if b) or country.bbox


def map_view(atlas: Atlas, ref: Reference, frame: Framing, day: str | None, holdings: Sequence[Held],
             events: Sequence[EventRow], areas: Sequence[AreaEvents]) -> MapView:
    """The MapView of the latest `events` in `frame` (framed, when nothing has counted the filter's
    events, by the countries of these events, else of the places whose holder is known)."""
    outlined = [(a, area_of(atlas, a)) for a in areas if a.precision in AREA_PRECISIONS]
    for _, region in outlined:
        if region is not None:
            _ = region.rings  # decoded here, in the worker, not while drawing
    if frame.box is None:
        frame = _by_points(atlas, ref, [row.place for row in events] or [h.place for h in holdings])
    boundaries = atlas.boundaries(grown(frame.box), set(frame.focus)) if frame.box else None
    if boundaries is not None:
        _ = boundaries.segments  # worked out here, in the worker
    return MapView(day, holdings, events, frame.shown, frame.box, frame.label, frame.zoomed, outlined,
                   boundaries, elsewhere=frame.elsewhere)


def _by_points(atlas: Atlas, ref: Reference, place_ids: Iterable[str | None]) -> Framing:
    """A frame for places alone: the countries they are in, ranked as framing() ranks fronts."""
    counts: Counter[str] = Counter()
    for place_id in place_ids:
        place = ref.places_by_id.get(place_id or "")
        if place is None or place.lat is None or place.lon is None:
            continue
        country, _ = atlas.locate(place.lon, place.lat)
        if country is not None:
            counts[country.code] += 1
    taken = _most(atlas, counts)
    return Framing(union(c.bbox for c in taken), named([c.name for c in taken]),
                   frozenset(c.code for c in taken))
