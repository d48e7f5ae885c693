"""What the map shows for a view, worked out in the map's worker: the frame (the chosen fronts' areas,
else the countries the events are in), the legend's name for it, the areas events are known only to,
and the boundaries around the frame. Pure functions of store values and the bundled boundaries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

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


def _country_box(atlas: Atlas, country: Region, regions: set[Region]) -> BBox:
    west, south, east, north = country.bbox
    if east - west <= WHOLE_COUNTRY[0] and north - south <= WHOLE_COUNTRY[1]:
        return country.bbox
    return union(r.bbox for r in regions if r.code == country.code) or country.bbox


def named(countries: Sequence[str]) -> str:
    if len(countries) <= 3:
        return ", ".join(countries)
    return f"{', '.join(countries[:2])} and {len(countries) - 2} more countries"


def map_view(atlas: Atlas, ref: Reference, fronts: tuple[str, ...], day: str | None, holdings: Sequence[Held],
             events: Sequence[EventRow], areas: Sequence[AreaEvents]) -> MapView:
    """The MapView of the latest `events` under a view zoomed to `fronts` (none: all fronts)."""
    outlined = [(a, area_of(atlas, a)) for a in areas if a.precision in AREA_PRECISIONS]
    for _, region in outlined:
        if region is not None:
            _ = region.rings  # decoded here, in the worker, not while drawing
    countries: Counter[str] = Counter()
    regions: set[Region] = set()
    points: list[tuple[float, float]] = []

    def frame(place_id: str | None, front: str | None = None) -> None:
        """Count a place into the frame: its country (and region, where a country is one) or its point."""
        place = ref.places_by_id.get(place_id or "")
        if place is None or place.lat is None or place.lon is None:
            return
        country, region = atlas.locate(place.lon, place.lat)
        # The event's own country, as its front says (a point on a border river can fall either side).
        home = ref.front(front) if front else None
        country = (atlas.country(home.country) if home and home.country else None) or country
        if country is not None:
            countries[country.code] += 1
            if region is not None and region.code == country.code:
                regions.add(region)
        else:
            points.append((place.lon, place.lat))

    for row in events:
        frame(row.place, row.front)
    for a, region in outlined:
        country = atlas.country(a.country) or (atlas.by_code(region.code) if region else None)
        if country is not None:
            countries[country.code] += a.events
        if region is not None and region.code != region.name:
            regions.add(region)
    if not countries and not points:
        # No event to frame (as of a day before the first, or a filter passing none): the places whose
        # holder the legend gives are framed instead, so the map never stands blank beside them.
        for h in holdings:
            frame(h.place)
    chosen = [f for f in (ref.front(s) for s in fronts) if f is not None]
    box = union(b for b in (front_box(atlas, f) for f in chosen) if b)
    if box is not None:
        label = ref.view_name(fronts[0], fronts if len(fronts) > 1 else ())
        focus = {c.code for c in (atlas.country(f.country) for f in chosen) if c} or set(countries)
    else:
        # The countries with a tenth of the events or more are framed whole; a stray event abroad
        # only widens the frame to its division.
        ranked = [(atlas.by_code(code), n) for code, n in countries.most_common()]
        total = sum(countries.values())
        shown = [c for i, (c, n) in enumerate(ranked) if c is not None and (i == 0 or n >= total / 10)]
        strays = [r.bbox for r in regions if r.code not in {c.code for c in shown}]
        box = union([*(_country_box(atlas, c, regions) for c in shown), *strays,
                     *((x, y, x, y) for x, y in points)])
        label, focus = named([c.name for c in shown]), {c.code for c in shown}
    boundaries = atlas.boundaries(grown(box), focus) if box else None
    if boundaries is not None:
        _ = boundaries.segments  # worked out here, in the worker
    return MapView(day, holdings, events, None, box, label, fronts, outlined, boundaries)
