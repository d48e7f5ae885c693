"""Another country's first-level divisions, as the store holds them after an ACLED import, are areas a
report of that war may name ("Marib", "Marib province", "the province of Marib", "northern Marib"):
each an event at the division (its centre, its extent as precision, its front), never a place row; an
unknown village "in Marib province" keeps its name and is located there. Reports and rows written for
the tests."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitroom.db import Store, create_store
from sitroom.db.reports.extract import Found, Lexicon, extract

FIXTURES = Path(__file__).parent / "fixtures"
ACLED_HEADER = next(csv.reader((FIXTURES / "acled_admin1_spellings.csv").open(encoding="utf-8")))
# (location, admin1, lat, lon): ACLED rows of Yemen, none at a place called Marib or Al Jawf
ROWS = [("Sirwah", "Marib", 15.45, 45.02), ("Raghwan", "Marib", 15.95, 45.35),
        ("Al Abdiyah", "Marib", 14.75, 45.40), ("Al Hazm", "Al Jawf", 16.16, 44.78),
        ("Khab", "Al Jawf", 16.80, 45.30)]
DATE = "2021-11-04"


def _acled(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, ACLED_HEADER)
        out.writeheader()
        for n, (place, admin1, lat, lon) in enumerate(ROWS, 1):
            out.writerow({"data_id": 500 + n, "iso": 887, "event_id_cnty": f"YEM{n}", "event_id_no_cnty": n,
                          "event_date": f"{n} March 2021", "year": 2021, "time_precision": 1,
                          "event_type": "Battles", "sub_event_type": "Armed clash",
                          "actor1": "Military Forces of Yemen (2016-) Supreme Political Council", "inter1": 1,
                          "actor2": "Military Forces of Yemen (2012-)", "inter2": 1, "interaction": 11,
                          "region": "Middle East", "country": "Yemen", "admin1": admin1, "admin2": place,
                          "location": place, "latitude": lat, "longitude": lon, "geo_precision": 1,
                          "source": "Yemen Data Project", "notes": f"Clashes near {place}.", "fatalities": 2,
                          "timestamp": 1620000000, "iso3": "YEM"})
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    tmp = tmp_path_factory.mktemp("divisions")
    create_store(tmp / "s.db")
    s = Store(tmp / "s.db")
    s.import_file(_acled(tmp / "yemen.csv"))
    yield s
    s.close()


@pytest.fixture(scope="module")
def lex(store: Store) -> Lexicon:
    return Lexicon(store.db)


def _report(body: str) -> str:
    return f"Fighting in central Yemen\n\nSANAA, Yemen — {body}"


def _events(body: str, lex: Lexicon) -> list[Found]:
    return extract(_report(body), lex, DATE).events


def _marib_front(store: Store) -> str:
    sql = "SELECT slug FROM fronts WHERE admin1 = 'Marib' AND country = 'Yemen'"
    return store.db.execute(sql).fetchone()[0]


@pytest.mark.parametrize("body", [
    "Houthi rebels attacked government positions in Marib on Tuesday.",
    "Houthi rebels attacked government positions in Marib province on Tuesday.",
    "Houthi rebels attacked government positions in Yemen's Marib governorate on Tuesday.",
    "Houthi rebels attacked government positions in the province of Marib on Tuesday.",
])
def test_a_division_named_alone_is_an_area_event_at_its_centre(body: str, lex: Lexicon, store: Store) -> None:
    found = [e for e in _events(body, lex) if e.type == "attack"]
    assert len(found) == 1, [(e.place_name, e.type) for e in _events(body, lex)]
    e = found[0]
    assert e.place is None and e.place_name and "Marib" in e.place_name
    where = e.location
    # the centre of Marib's events, with their extent as precision
    assert where.lat == pytest.approx((15.45 + 15.95 + 14.75) / 3, abs=0.01)
    assert where.lon == pytest.approx((45.02 + 45.35 + 45.40) / 3, abs=0.01)
    assert 50 <= (where.precision_km or 0) <= 150
    assert "division Marib" in where.located_by and "not located" in where.located_by
    assert (where.front, where.admin1, where.country) == (_marib_front(store), "Marib", "Yemen")


def test_a_direction_moves_the_area_within_the_division(lex: Lexicon) -> None:
    found = _events("Houthi rebels shelled northern Marib on Tuesday.", lex)
    e = next(e for e in found if e.type == "shelling")
    centre = (15.45 + 15.95 + 14.75) / 3
    assert e.location.lat is not None and e.location.lat > centre + 0.2
    assert e.location.admin1 == "Marib"


def test_an_unknown_village_in_a_division_keeps_its_name_and_lies_there(lex: Lexicon) -> None:
    e = next(e for e in _events("Houthi rebels captured the village of Qarn Dhiban in Marib province on "
                                "Tuesday.", lex) if e.type == "capture")
    assert e.place is None and e.place_name == "Qarn Dhiban"
    assert e.location.admin1 == "Marib" and "not located" in e.location.located_by
    assert e.location.lat == pytest.approx((15.45 + 15.95 + 14.75) / 3, abs=0.01)


def test_the_city_a_division_is_named_after_is_not_the_division(lex: Lexicon) -> None:
    found = _events("Houthi rebels attacked government positions northwest and west of the city of Marib "
                    "on Tuesday.", lex)
    assert found and all(e.location.admin1 is None for e in found), [(e.place_name, e.type) for e in found]


def test_a_syria_report_does_not_find_another_countrys_divisions(lex: Lexicon) -> None:
    text = "Clashes in Hama\n\nSyrian army units shelled rebel positions in Marib near Hama on Tuesday."
    found = extract(text, lex, DATE).events
    assert found and all(e.location.admin1 is None for e in found)


def test_an_ingested_division_event_is_stored_on_its_front_with_no_place(store: Store) -> None:
    store.ingest(_report("Houthi rebels attacked government positions in Al Jawf province on Tuesday."),
                 date=DATE)
    row = store.db.execute("SELECT e.place, e.admin1, e.country, f.admin1 FROM events e JOIN fronts f "
                           "ON f.slug = e.front WHERE e.area = 'Al Jawf province'").fetchone()
    assert row is not None and tuple(row) == (None, "Al Jawf", "Yemen", "Al Jawf")
    places = {r[0] for r in store.db.execute("SELECT name FROM places")}
    assert "Al Jawf" not in places and "Al Jawf province" not in places


def test_divisions_are_read_once_per_lexicon(store: Store) -> None:
    calls: list[str] = []
    conn = sqlite3.connect(store.path)
    conn.set_trace_callback(calls.append)
    lex = Lexicon(conn)
    before = len(calls)
    found = _events("Houthi rebels attacked positions in Marib. They shelled Al Jawf province.", lex)
    assert {e.location.admin1 for e in found} == {"Marib", "Al Jawf"}
    assert len(calls) == before  # extraction asks the store nothing


def test_a_division_named_by_a_common_word_is_not_read_as_one(tmp_path: Path) -> None:
    from sitroom.db.reports.divisions import read_divisions

    create_store(tmp_path / "c.db")
    s = Store(tmp_path / "c.db")
    try:
        rows = [("Maroua", "Far North", 10.59, 14.32), ("Garoua", "North", 9.30, 13.39),
                ("Kousseri", "Logone-et-Chari", 12.08, 15.03)]
        path = tmp_path / "cmr.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.DictWriter(handle, ACLED_HEADER)
            out.writeheader()
            for n, (place, admin1, lat, lon) in enumerate(rows, 1):
                out.writerow({"data_id": 700 + n, "iso": 120, "event_id_cnty": f"CMR{n}",
                              "event_id_no_cnty": n,
                              "event_date": f"{n} March 2021", "year": 2021, "time_precision": 1,
                              "event_type": "Battles", "sub_event_type": "Armed clash",
                              "actor1": "Boko Haram", "inter1": 2, "interaction": 20, "country": "Cameroon",
                              "admin1": admin1, "location": place, "latitude": lat, "longitude": lon,
                              "geo_precision": 1, "source": "Local", "notes": "Clash.", "fatalities": 0,
                              "timestamp": 1620000000})
        s.import_file(path)
        names = {d.name for ds in read_divisions(s.db, "Syria").values() for d in ds}
        assert names == {"Logone-et-Chari"}
    finally:
        s.close()
