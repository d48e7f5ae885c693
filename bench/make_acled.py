"""Write N ACLED-shaped CSV rows about Syria, for measuring `sitroom import`.

    python bench/make_acled.py 100000 /tmp/acled_100k.csv

Rows use ACLED's published column names, real places of the bundled gazetteer (with spellings ACLED
uses), ACLED's actor names, several years of dates, and a skew: a few actors and places carry most rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
          "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
          "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
          "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
          "fatalities", "tags", "timestamp"]
PLACES = [  # (location as ACLED spells it, admin1, lat, lon, weight)
    ("Ar-Raqqa", "Ar-Raqqa", 35.95, 39.01, 30), ("Deir-ez-Zor", "Deir-ez-Zor", 35.336, 40.141, 20),
    ("Ein Tarma", "Rural Damascus", 33.516, 36.355, 12), ("Jobar", "Damascus", 33.529, 36.33, 12),
    ("Abu Kamal", "Deir-ez-Zor", 34.453, 40.918, 8), ("Resafa", "Ar-Raqqa", 35.629, 38.757, 6),
    ("Khanasir", "Aleppo", 35.784, 37.499, 5), ("Humaymah", "Homs", 34.2, 39.85, 4),
    ("Tabqa", "Ar-Raqqa", 35.837, 38.548, 4), ("Al Tanf", "Homs", 33.506, 38.618, 2),
]
ACTORS = [  # (actor, weight)
    ("Military Forces of Syria (2000-)", 40), ("Islamic State (Syria)", 25),
    ("SDF: Syrian Democratic Forces", 15), ("Faylaq al-Rahman", 6),
    ("Military Forces of Russia (2000-)", 6), ("NDF: National Defense Forces", 4),
    ("Tiger Forces", 2), ("Operation Inherent Resolve", 2),
]
EXPLOSIONS = "Explosions/Remote violence"
SUBTYPES = [("Battles", "Armed clash", 50), (EXPLOSIONS, "Shelling/artillery/missile attack", 25),
            (EXPLOSIONS, "Air/drone strike", 12), ("Battles", "Government regains territory", 5),
            (EXPLOSIONS, "Suicide bomb", 3), ("Battles", "Non-state actor overtakes territory", 5)]


def rows(n: int, seed: int = 2017):
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    places, place_w = PLACES, [p[4] for p in PLACES]
    actors, actor_w = [a[0] for a in ACTORS], [a[1] for a in ACTORS]
    for i in range(n):
        location, admin1, lat, lon, _ = rng.choices(places, place_w)[0]
        a1, a2 = rng.sample(actors, 2) if rng.random() < 0.9 else (rng.choices(actors, actor_w)[0], "")
        event_type, sub, _ = rng.choices(SUBTYPES, [s[2] for s in SUBTYPES])[0]
        date = start + dt.timedelta(days=int(rng.triangular(0, 3650, 900)))
        claimed = rng.random() < 0.08
        notes = (f"On {date:%d %B %Y}, {a1} {'claimed it ' if claimed else ''}attacked {a2 or 'positions'} "
                 f"in {location} ({admin1}).")
        yield [f"SYR{i + 100000}", date.strftime("%d %B %Y"), date.year, rng.choice("1112"),
               "Political violence", event_type, sub, a1, "", "1", a2, "", "2", "12", "", "760",
               "Middle East", "Syria", admin1, "", "", location, f"{lat + rng.uniform(-0.01, 0.01):.4f}",
               f"{lon + rng.uniform(-0.01, 0.01):.4f}", "1", rng.choice(["SANA", "SOHR", "Hawar News"]),
               "National", notes, rng.choice([0, 0, 0, 1, 2, 5]), "", "1618941337"]


def write_file(path: Path, n: int, seed: int) -> Path:
    """`n` rows of seed `seed` with ids of their own (files of two seeds never share an id)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i, row in enumerate(rows(n, seed=seed)):
            row[0] = f"SYR{seed}-{i}"
            writer.writerow(row)
    return path


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows(n))
    print(f"wrote {n:,} rows to {out}")


if __name__ == "__main__":
    main()
