"""Fronts for any data (issue 15): user fronts, then the bundled fronts, then each event's first-level
division; "Other" only for events with no location. Reassignment is exact: tallies equal a rebuild."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sitroom.db import FrontError, Store, atlas, create_store
from sitroom.db.fronts import parse, reassign

from .real_rows import EXPECTED, FILES, REAL, insert, real_rows
from .test_tallies import assert_consistent


def bundled_areas(conn: sqlite3.Connection) -> list[tuple[str, object]]:
    return [(slug, parse(d)) for slug, d in conn.execute(
        "SELECT slug, definition FROM fronts WHERE kind = 'bundled' ORDER BY sort")]


def expected_front(conn: sqlite3.Connection, event: dict) -> str:
    """The name of the front an event belongs on: a bundled front holding its point, else its division
    (or its country, when it is known only to its country) — the bundled front named as that division
    when there is one (Deir-ez-Zor's events outside the Deir Ezzor front's area are on it too)."""
    if event["point"]:
        for slug, area in bundled_areas(conn):
            if area.covers_point(event["lon"], event["lat"]):
                return conn.execute("SELECT name FROM fronts WHERE slug = ?", (slug,)).fetchone()[0]
    division = atlas().region(event.get("country"), event["front_admin1"]) if event.get("country") else None
    for (name,) in conn.execute("SELECT name FROM fronts WHERE kind = 'bundled'"):
        if division is not None and atlas().region(event["country"], name) == division:
            return name
    return event["front_admin1"]


def fronts_of(conn: sqlite3.Connection) -> dict[str, str]:
    """Each event's source id → the name of its front."""
    return dict(conn.execute(
        "SELECT e.source_event_id, f.name FROM events e JOIN fronts f ON f.slug = e.front"))


@pytest.fixture
def new_store(tmp_path: Path) -> Path:
    path = tmp_path / "new.db"
    create_store(path, bundled=False)
    return path


@pytest.mark.parametrize("name", FILES)
def test_every_real_row_lands_on_its_division_or_a_bundled_front(new_store: Path, name: str) -> None:
    conn = sqlite3.connect(new_store)
    events = real_rows(name)
    with conn:
        insert(conn, events)
        moved = reassign(conn)
    assert moved.moved == len(events)
    found = fronts_of(conn)
    for e in events:
        assert found[e["source_event_id"]] == expected_front(conn, e), e
    other = sum(1 for e in events if found[e["source_event_id"]] == "Other")
    assert other <= 0.05 * len(events)
    conn.close()
    assert_consistent(new_store)


def test_country_level_events_are_counted_under_their_country(new_store: Path) -> None:
    conn = sqlite3.connect(new_store)
    with conn:
        insert(conn, real_rows("ucdp_ged_231_car.csv"))
        reassign(conn)
    row = conn.execute("SELECT slug, kind, country, description FROM fronts "
                       "WHERE name = 'Central African Republic (country-wide)'").fetchone()
    assert row[1:3] == ("country", "Central African Republic")
    assert "only to Central African Republic" in row[3]
    assert conn.execute("SELECT count(*) FROM events WHERE front = ?", (row[0],)).fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM fronts WHERE slug = 'other'").fetchone()[0] == 0


def test_three_countries_are_grouped_by_country(new_store: Path) -> None:
    conn = sqlite3.connect(new_store)
    events = real_rows("three_countries_acled.csv")
    with conn:
        insert(conn, events)
        reassign(conn)
    by_country: dict[str, set[str]] = {}
    for country, name in conn.execute("SELECT f.country, f.name FROM fronts f WHERE f.kind = 'division' "
                                      "AND EXISTS (SELECT 1 FROM events e WHERE e.front = f.slug)"):
        by_country.setdefault(country, set()).add(name)
    expected = EXPECTED["three_countries_acled.csv"]["fronts_by_admin1"]
    for country in ("Iraq", "Lebanon"):
        assert by_country[country] == set(expected[country])
    # Syria's divisions, but where the bundled fronts cover the event (Raqqa, Jobar, Deir ez-Zor city …)
    divisions = {e["front_admin1"] for e in events
                 if e["country"] == "Syria" and expected_front(conn, e) == e["front_admin1"]}
    assert by_country["Syria"] == divisions == {"Aleppo", "Dar'a", "Hama", "Idleb"}
    covered = {expected_front(conn, e) for e in events} - {e["front_admin1"] for e in events}
    assert covered == {"Raqqa", "Eastern Damascus", "Deir Ezzor", "East Aleppo–Resafa"}


def test_spellings_of_one_division_share_a_front(new_store: Path) -> None:
    """ACLED writes Idleb, UCDP Idlib; a store holding both has one front for the governorate."""
    conn = sqlite3.connect(new_store)
    with conn:
        insert(conn, real_rows("acled_2024.csv") + real_rows("ucdp_ged_191_syria.csv"))
        reassign(conn)
    fronts = {r[0] for r in conn.execute(
        "SELECT f.name FROM events e JOIN fronts f ON f.slug = e.front WHERE e.admin1 IN ('Idleb', 'Idlib')")}
    assert len(fronts) == 1


def test_user_fronts_come_first_and_removing_one_puts_events_back(new_store: Path) -> None:
    store = Store(new_store)
    conn = sqlite3.connect(new_store)
    with conn:
        insert(conn, real_rows("three_countries_acled.csv"))
        reassign(conn)
    slug, moved = store.define_front("Northwest", admin1="Idleb, Hama")
    assert moved.moved == 2
    assert set(conn.execute("SELECT source_event_id FROM events WHERE front = ?", (slug,))) == {
        ("SYR30470",), ("SYR30481",)}
    assert_consistent(new_store)
    # A box over Raqqa city wins over the bundled Raqqa front (user fronts come first).
    box, _ = store.define_front("Raqqa city", bbox="38.95,35.9,39.05,36.0")
    assert conn.execute("SELECT front FROM events WHERE source_event_id = 'SYR30411'").fetchone()[0] == box
    front = next(f for f in store.fronts() if f.slug == box)
    assert (front.kind, front.defined_by) == ("user", "box 38.95,35.9,39.05,36")
    assert_consistent(new_store)
    name, moved = store.remove_front(box)
    assert (name, moved.moved) == ("Raqqa city", 1)
    on = conn.execute("SELECT front FROM events WHERE source_event_id = 'SYR30411'").fetchone()[0]
    assert on == "raqqa"
    assert box not in {f.slug for f in store.fronts()}
    assert_consistent(new_store)
    store.close()


def test_a_geojson_polygon_defines_a_front(new_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(new_store)
    with conn:
        insert(conn, real_rows("three_countries_acled.csv"))
        reassign(conn)
    drawn = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {
        "type": "Polygon",
        "coordinates": [[[35.9, 33.9], [36.6, 33.9], [36.6, 34.5], [35.9, 34.5], [35.9, 33.9]]]}}]}
    path = tmp_path / "bekaa.geojson"
    path.write_text(json.dumps(drawn), encoding="utf-8")
    store = Store(new_store)
    slug, _ = store.define_front("Arsal and Qaa", geojson=path)
    on = {r[0] for r in conn.execute("SELECT source_event_id FROM events WHERE front = ?", (slug,))}
    assert on == {"LBN2101", "LBN2110", "LBN2131", "LBN2140", "LBN2152"}
    assert "bekaa.geojson" in next(f for f in store.fronts() if f.slug == slug).defined_by
    store.close()
    assert_consistent(new_store)


@pytest.mark.parametrize(("content", "reason"), [
    ("{not json", "is not JSON"),
    ('{"type": "Point", "coordinates": [36, 35]}', "holds a Point, not a Polygon or MultiPolygon"),
    ('{"type": "Polygon", "coordinates": [[[36, 35], [37, 35]]]}', "fewer than three points"),
    ('{"type": "Polygon", "coordinates": [[[36, 35], [37, 35], [38, 35], [36, 35]]]}', "encloses no area"),
    ('{"type": "Polygon", "coordinates": [[[35, 360], [37, 35], [36, 36], [35, 360]]]}', "outside the world"),
    ('{"type": "FeatureCollection", "features": []}', "no features"),
    ('[1, 2]', "is not a GeoJSON object"),
])
def test_bad_geojson_is_refused_in_one_sentence(store: Store, tmp_path: Path, content: str,
                                                 reason: str) -> None:
    path = tmp_path / "drawn.geojson"
    path.write_text(content, encoding="utf-8")
    before = [f.slug for f in store.fronts()]
    with pytest.raises(FrontError) as err:
        store.define_front("Drawn", geojson=path)
    assert str(err.value).startswith("drawn.geojson: ") and reason in str(err.value)
    assert [f.slug for f in store.fronts()] == before


@pytest.mark.parametrize(("kwargs", "reason"), [
    ({"bbox": "1,2,3"}, "is not four numbers"),
    ({"bbox": "40,35,39,36"}, "west < east"),
    ({"admin1": " , "}, "names no division"),
    ({}, "exactly one of"),
    ({"admin1": "Idlib", "bbox": "1,2,3,4"}, "exactly one of"),
])
def test_bad_definitions_are_refused(store: Store, kwargs: dict, reason: str) -> None:
    with pytest.raises(FrontError, match=reason):
        store.define_front("Bad", **kwargs)


def test_names_and_slugs_are_checked(store: Store) -> None:
    with pytest.raises(FrontError, match="already a front called 'Raqqa'"):
        store.define_front("Raqqa", admin1="Raqqa")
    with pytest.raises(FrontError, match=r"no front 'nosuch'.*raqqa"):
        store.remove_front("nosuch")
    slug, _ = store.define_front("[bold]Idlib[/bold]\x1b[31m", admin1="Idlib")
    assert next(f.name for f in store.fronts() if f.slug == slug) == "[bold]Idlib[/bold]"


def test_the_bundled_store_keeps_its_fronts(db_path: Path) -> None:
    store = Store(db_path)
    before = [(fc.front.slug, fc.count) for fc in store.front_counts()]
    moved = store.reassign_fronts()
    assert moved.moved == 0
    counts = {fc.front.slug: fc.count for fc in store.front_counts() if fc.count}
    assert counts == {slug: n for slug, n in before if n}
    store.close()
    assert_consistent(db_path)


def test_events_with_no_location_go_on_other_and_it_says_so(new_store: Path) -> None:
    conn = sqlite3.connect(new_store)
    events = real_rows("acled_2024.csv")[:3]
    events[0] = {**events[0], "lat": None, "lon": None, "point": False, "admin1": None, "country": None}
    with conn:
        insert(conn, events)
        reassign(conn)
    front, description = conn.execute("SELECT f.slug, f.description FROM events e JOIN fronts f "
                                      "ON f.slug = e.front WHERE e.source_event_id = ?",
                                      (events[0]["source_event_id"],)).fetchone()
    assert front == "other" and "no location at all" in description
    assert_consistent(new_store)


def test_reassigning_some_events_leaves_the_rest(new_store: Path) -> None:
    conn = sqlite3.connect(new_store)
    events = real_rows("three_countries_acled.csv")
    with conn:
        insert(conn, events)
        moved = reassign(conn, [f"three_countries_acled.csv:{e['source_event_id']}" for e in events[:5]])
    assert moved.moved == 5
    assert conn.execute("SELECT count(*) FROM events WHERE front = 'other'").fetchone()[0] == len(events) - 5
    assert_consistent(new_store)


@pytest.mark.parametrize("name", FILES)
def test_imported_real_files_land_on_their_fronts(new_store: Path, name: str) -> None:
    """End to end: each real-layout file imported by sitroom's readers (issue 14) into a new store."""
    store = Store(new_store)
    store.import_file(REAL / name)
    conn = sqlite3.connect(new_store)
    found = fronts_of(conn)
    for e in real_rows(name):
        admin1, country = conn.execute("SELECT admin1, country FROM events WHERE source_event_id = ?",
                                       (e["source_event_id"],)).fetchone()
        assert (admin1, country) == (e["admin1"], e["country"])
        assert found[e["source_event_id"]] == expected_front(conn, e)
    store.close()
    assert_consistent(new_store)
