"""The rows of tests/data/real/ as the store holds them once imported (schema 4's columns set), for
testing fronts without waiting on the readers: each expected event of expected.json, with the point,
admin1 and country its CSV row gives, inserted straight into a store."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from sitroom.db.schema import event_rowid

REAL = Path(__file__).parent / "data" / "real"
EXPECTED = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
FILES = ("acled_2015_upper.csv", "acled_2019_pandas.csv", "acled_2024.csv", "ucdp_ged_191_syria.csv",
         "ucdp_ged_231_car.csv", "three_countries_acled.csv")


def _cell(row: dict, *names: str) -> str:
    lower = {k.casefold().lstrip("\ufeff"): v for k, v in row.items() if k}
    return next((lower[n] for n in names if lower.get(n)), "") or ""


def real_rows(name: str) -> list[dict]:
    """Each event of `name` as expected.json describes it, with its row's coordinates and names."""
    with open(REAL / name, encoding="utf-8-sig", newline="") as handle:
        rows = {(_cell(r, "event_id_cnty", "id")): r for r in csv.DictReader(handle)}
    out = []
    for e in EXPECTED[name]["expect"]:
        if e.get("status") != "ok":
            continue
        row = rows[e["source_event_id"]]
        out.append({**e, "file": name,
                    "lat": float(_cell(row, "latitude")) if e["point"] else None,
                    "lon": float(_cell(row, "longitude")) if e["point"] else None})
    return out


def insert(conn: sqlite3.Connection, events: list[dict]) -> None:
    """Insert events shaped like real imports (front "other" until reassigned) and their tallies."""
    conn.execute("INSERT OR IGNORE INTO sources (id, title, kind) "
                 "VALUES ('test', 'real-shaped rows', 'test')")
    conn.execute("INSERT OR IGNORE INTO fronts (slug, name, description, sort, kind) "
                 "VALUES ('other', 'Other', '', 9000, 'other')")
    for e in events:
        eid = f"{e['file']}:{e['source_event_id']}"
        place = None
        if e.get("place") and e["lat"] is not None:  # a point event has its place, as an import makes it
            place = f"{e['file']}:{e['place']}"
            conn.execute("INSERT OR IGNORE INTO places (id, name, aliases, lat, lon, admin1, kind, front) "
                         "VALUES (?, ?, '[]', ?, ?, ?, 'locality', 'other')",
                         (place, e["place"], e["lat"], e["lon"], e.get("admin1")))
        conn.execute(
            "INSERT INTO events (rowid, id, date, date_precision, front, place, lat, lon, event_type, "
            "summary, "
            "certainty, source, source_event_id, location_precision, area, admin1, country) "
            "VALUES (?, ?, ?, ?, 'other', ?, ?, ?, ?, ?, ?, 'test', ?, ?, ?, ?, ?)",
            (event_rowid(eid), eid, e["date"], e["date_precision"], place, e["lat"], e["lon"],
             e["event_type"],
             f"{e['event_type']} ({e['source_event_id']})", e["certainty"], e["source_event_id"],
             e["location_precision"], e.get("area"), e.get("admin1"), e.get("country")))


def provinces(countries: tuple[str, ...] = ("Syria", "Iraq", "Lebanon")) -> list[dict]:
    """An event known only to each first-level division of `countries` (about 40 for the three):
    a store with many fronts over several countries."""
    from sitroom.db import atlas

    out = []
    for country in countries:
        code = atlas().country(country).code
        for region in sorted((r for r in atlas().regions if r.code == code), key=lambda r: r.name):
            out.append({"file": "provinces", "source_event_id": f"{code}-{region.name}", "date": "2017-07-01",
                        "date_precision": "month", "lat": None, "lon": None, "event_type": "clashes",
                        "certainty": "confirmed", "location_precision": "province", "area": region.name,
                        "admin1": region.name, "country": country, "point": False})
    return out


def make_store(path: Path, events: list[dict]) -> Path:
    """A new store (reference data, no bundled events) holding `events`, each on its front."""
    from sitroom.db import create_store
    from sitroom.db.fronts import reassign

    create_store(path, bundled=False)
    conn = sqlite3.connect(path)
    with conn:
        insert(conn, events)
        reassign(conn)
    conn.close()
    return path
