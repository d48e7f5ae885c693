"""What defines a front: a box, a polygon (from GeoJSON) or a list of first-level divisions; each read,
checked and stored as JSON in fronts.definition, and each able to say whether it covers an event."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..geography import BBox, Ring, bbox_of, in_box, inside, name_key

MAX_GEOJSON_BYTES = 20_000_000
MAX_VERTICES = 200_000
MAX_DIVISIONS = 200


class FrontError(ValueError):
    """A front that cannot be defined or removed, with the reason in one sentence."""


@dataclass(frozen=True)
class Definition:
    """A front's area (rings, even-odd) or its divisions (name keys), never both."""

    rings: tuple[Ring, ...] = ()
    admin1: tuple[str, ...] = ()  # the divisions as the user wrote them
    source: str = ""  # where a polygon came from (a file name), for `sitroom fronts`
    keys: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def is_area(self) -> bool:
        return bool(self.rings)

    def bbox(self) -> BBox | None:
        return self._box

    @cached_property  # asked for every point a reassignment decides: worked out once
    def _box(self) -> BBox | None:
        return bbox_of(self.rings) if self.rings else None

    def size(self) -> float:
        """Square degrees (of the box: the smallest area wins among areas that overlap)."""
        box = self.bbox()
        return (box[2] - box[0]) * (box[3] - box[1]) if box else math.inf

    def covers_point(self, lon: float, lat: float) -> bool:
        box = self._box
        return box is not None and in_box(box, lon, lat) and inside(self.rings, lon, lat)

    def covers_division(self, admin1: str | None) -> bool:
        return bool(admin1) and name_key(admin1 or "") in self.keys

    def to_json(self) -> str:
        if self.rings:
            return json.dumps({"polygon": [[list(p) for p in ring] for ring in self.rings],
                               "source": self.source}, separators=(",", ":"))
        return json.dumps({"admin1": list(self.admin1)}, ensure_ascii=False)

    def describe(self) -> str:
        """What defines the front, in words."""
        if self.admin1:
            return "divisions: " + ", ".join(self.admin1)
        box = self.bbox()
        assert box is not None
        corners = ",".join(f"{v:g}" for v in box)
        if not self.source and len(self.rings) == 1 and len(self.rings[0]) == 5 and _is_box(self.rings[0]):
            return f"box {corners}"
        points = sum(len(r) - 1 for r in self.rings)
        what = f"polygon from {self.source}" if self.source else "polygon"
        return f"{what}, {points} points within {corners}"


def _is_box(ring: Ring) -> bool:
    xs, ys = {x for x, _ in ring}, {y for _, y in ring}
    return len(xs) == 2 and len(ys) == 2


def divisions(names: Iterable[str]) -> Definition:
    listed = tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    if not listed:
        raise FrontError("--admin1 names no division (give them separated by commas: \"Idlib,Hama\")")
    if len(listed) > MAX_DIVISIONS:
        raise FrontError(f"--admin1 names {len(listed)} divisions (at most {MAX_DIVISIONS})")
    return Definition(admin1=listed, keys=frozenset(name_key(n) for n in listed))


def box(text: str) -> Definition:
    """A box from "W,S,E,N" (degrees)."""
    parts = [p.strip() for p in text.split(",")]
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise FrontError(f"--bbox {text!r} is not four numbers W,S,E,N (e.g. 36.2,35.6,36.9,36.3)") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise FrontError(f"--bbox {text!r} has a number that is not finite")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise FrontError(f"--bbox {text!r} is not west,south,east,north with west < east and south < north "
                         "inside ±180, ±90")
    ring = ((west, south), (east, south), (east, north), (west, north), (west, south))
    return Definition(rings=(ring,))


def _ring(coords: Any, where: str) -> Ring:
    if not isinstance(coords, list) or len(coords) < 3:
        raise FrontError(f"{where} has fewer than three points")
    points = []
    for p in coords:
        if (not isinstance(p, list) or len(p) < 2 or not all(isinstance(v, int | float) and
                                                             not isinstance(v, bool) for v in p[:2])):
            raise FrontError(f"{where} has a point that is not [longitude, latitude]")
        lon, lat = float(p[0]), float(p[1])
        if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
            raise FrontError(f"{where} has a point outside the world ({p[0]}, {p[1]}): "
                             "GeoJSON is longitude first, in degrees")
        points.append((lon, lat))
    if points[0] != points[-1]:
        points.append(points[0])
    if len(set(points)) < 3 or _area(points) == 0:
        raise FrontError(f"{where} encloses no area")
    return tuple(points)


def _area(ring: Sequence[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring))) / 2


def _polygons(geometry: Any) -> list[list[Any]]:
    """The polygons (each a list of rings) of a GeoJSON geometry, Feature or FeatureCollection."""
    if not isinstance(geometry, dict):
        raise FrontError("is not a GeoJSON object")
    kind = geometry.get("type")
    if kind == "FeatureCollection":
        features = geometry.get("features")
        if not isinstance(features, list) or not features:
            raise FrontError("is a FeatureCollection with no features")
        return [p for f in features for p in _polygons(f)]
    if kind == "Feature":
        return _polygons(geometry.get("geometry"))
    coords = geometry.get("coordinates")
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon" and isinstance(coords, list):
        return coords
    if isinstance(kind, str) and kind:
        raise FrontError(f"holds a {kind[:40]}, not a Polygon or MultiPolygon")
    raise FrontError("is not GeoJSON (no \"type\")")


def polygon(path: Path) -> Definition:
    """A polygon (or several) from a GeoJSON file, as drawn in geojson.io or QGIS."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_GEOJSON_BYTES:
            raise FrontError(f"{name}: {size:,} bytes is too large for a front (at most "
                             f"{MAX_GEOJSON_BYTES:,}); simplify it first")
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise FrontError(f"{name}: cannot be read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise FrontError(f"{name}: is not UTF-8 text") from None
    except (ValueError, RecursionError) as err:
        raise FrontError(f"{name}: is not JSON ({str(err)[:80]})") from None
    try:
        rings: list[Ring] = []
        for i, poly in enumerate(_polygons(data), start=1):
            if not isinstance(poly, list) or not poly:
                raise FrontError(f"polygon {i} has no rings")
            rings += [_ring(r, f"polygon {i}") for r in poly]
    except FrontError as err:
        raise FrontError(f"{name}: {err}") from None
    if sum(len(r) for r in rings) > MAX_VERTICES:
        raise FrontError(f"{name}: more than {MAX_VERTICES:,} points; simplify it first")
    return Definition(rings=tuple(rings), source=name[:80])


def parse(stored: str | None) -> Definition | None:
    """A definition as stored in fronts.definition; None for fronts not defined by one."""
    if not stored:
        return None
    try:
        data = json.loads(stored)
        if "admin1" in data:
            return divisions(data["admin1"])
        rings = tuple(tuple((float(x), float(y)) for x, y in ring) for ring in data["polygon"])
        return Definition(rings=rings, source=str(data.get("source") or ""))
    except (ValueError, TypeError, KeyError, FrontError):
        return None  # a damaged definition defines nothing
