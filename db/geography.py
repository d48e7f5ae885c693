"""Syria's border and governorate boundaries, for the map (db/data/syria_admin1.json, made from
Natural Earth's public-domain admin-1 polygons by scripts/make_boundaries.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import pairwise

DATA = resources.files(__package__) / "data" / "syria_admin1.json"

Point = tuple[float, float]  # (lon, lat)
BBox = tuple[float, float, float, float]  # (west, south, east, north)


@dataclass(frozen=True)
class Region:
    name: str
    code: str
    rings: tuple[tuple[Point, ...], ...]


@dataclass(frozen=True)
class Boundaries:
    governorates: tuple[Region, ...]
    border: tuple[tuple[Point, Point], ...]  # the country's outline, as segments
    source: str

    # Both are read on every redraw of the map; the boundaries never change, so each is worked out once.
    @cached_property
    def bbox(self) -> BBox:
        xs = [x for a, b in self.border for x in (a[0], b[0])]
        ys = [y for a, b in self.border for y in (a[1], b[1])]
        return (min(xs), min(ys), max(xs), max(ys))

    @cached_property
    def segments(self) -> list[tuple[Point, Point]]:
        """Every edge of every governorate, each shared edge once."""
        seen: set[tuple[Point, Point]] = set()
        for region in self.governorates:
            for ring in region.rings:
                for a, b in pairwise(ring):
                    key = (a, b) if a <= b else (b, a)
                    if a != b and key not in seen:
                        seen.add(key)
        return list(seen)


@cache
def syria() -> Boundaries:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    point = lambda p: (float(p[0]), float(p[1]))  # noqa: E731
    return Boundaries(
        governorates=tuple(
            Region(g["name"], g["code"], tuple(tuple(point(p) for p in ring) for ring in g["rings"]))
            for g in data["governorates"]
        ),
        border=tuple((point(a), point(b)) for a, b in data["border"]),
        source=data["source"],
    )
