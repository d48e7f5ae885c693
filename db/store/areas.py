"""Where events known only to an area are: their precision, country, division and area, by group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .connection import Line

CHUNK = 500  # ids a lookup names at once


@dataclass(frozen=True)
class AreaEvents:
    """Events with no point, located to one area (a district, province, region or country)."""

    precision: str | None  # events.location_precision: district, province, region, country (or None)
    country: str | None
    admin1: str | None
    area: str | None  # the area's own name as the dataset gives it
    events: int


def area_events(line: Line, ids: Sequence[str]) -> list[AreaEvents]:
    """The events among `ids` that have no point, grouped by where they are: the map draws each group
    as its area. One indexed lookup a few hundred ids at a time."""
    groups: dict[tuple, int] = {}
    for start in range(0, len(ids), CHUNK):
        part = list(ids[start:start + CHUNK])
        for row in line.rows(
                "SELECT location_precision, country, admin1, area, count(*) FROM events "
                f"WHERE id IN ({', '.join('?' * len(part))}) AND (lat IS NULL OR lon IS NULL) "
                "GROUP BY 1, 2, 3, 4", part):
            key = tuple(row[:4])
            groups[key] = groups.get(key, 0) + row[4]
    return [AreaEvents(*key, n) for key, n in sorted(groups.items(), key=lambda kv: -kv[1])]
