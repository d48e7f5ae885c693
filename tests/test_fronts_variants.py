"""One front per division whatever the spelling, across datasets and ACLED eras: geography.variant_key
joins the ways one division is written ("&"/"and", North/Northern, y/i, a dropped h, a plural s inside
the name) and, on every country's real list of divisions, never two divisions."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sitroom.db import Store
from sitroom.db.fronts.assign import Reassigned, Rules
from sitroom.db.geography import atlas, division_key, variant_key

from .test_fronts_unknown_division import without_divisions_of

FIXTURES = Path(__file__).parent / "fixtures"
ACLED_HEADER = next(csv.reader((FIXTURES / "acled_admin1_spellings.csv").open(encoding="utf-8")))
JOINED = [("Paktia", "Paktya"), ("Haut-Bassins", "Hauts-Bassins"), ("Oromia", "Oromiya"),
          ("Khyber Pakhtunkhwa", "Khyber Pakhtunkwa"), ("Azad Jammu & Kashmir", "Azad Jammu and Kashmir"),
          ("North Darfur", "Northern Darfur")]


@pytest.mark.parametrize(("one", "other"), JOINED)
def test_one_divisions_spellings_share_a_variant_key(one: str, other: str) -> None:
    assert division_key(one) != division_key(other)  # what the stricter key left split
    assert variant_key(one) == variant_key(other)


@pytest.mark.parametrize(("country", "names"), [
    ("China", ["Hunan", "Henan", "Hainan", "Hebei", "Hubei"]), ("Turkey", ["Adana", "Aydın"]),
    ("Burkina Faso", ["Centre-Est", "Centre-Ouest", "Centre-Nord", "Centre-Sud", "Centre"]),
    ("Sudan", ["North Darfur", "South Darfur", "East Darfur", "West Darfur", "Central Darfur"]),
    ("Afghanistan", ["Paktia", "Paktika"])])
def test_real_divisions_of_one_country_keep_their_own_keys(country: str, names: list[str]) -> None:
    assert len({variant_key(n) for n in names}) == len(names)


def test_on_the_worlds_division_lists_no_two_divisions_are_joined() -> None:
    """Every country's divisions (the bundled Natural Earth lists): variant_key joins none that
    division_key keeps apart."""
    shared: dict[tuple[str, str], set[str]] = {}
    for region in atlas().regions:
        shared.setdefault((region.code, variant_key(region.name)), set()).add(region.name)
    clashes = sorted(sorted(names) for names in shared.values() if len(names) > 1)
    assert clashes == [["Krsko", "Krško"], ["Shaanxi", "Shanxi"]]  # division_key's own two


@pytest.mark.parametrize(("country", "written", "division"), [
    ("Afghanistan", "Paktia", "Paktya"), ("Ethiopia", "Oromia", "Oromiya"),
    ("Pakistan", "Khyber Pakhtunkhwa", "N.W.F.P."), ("Pakistan", "Khyber Pakhtunkwa", "N.W.F.P."),
    ("Sudan", "Northern Darfur", "North Darfur"), ("Sudan", "West Darfur", "Western Darfur"),
    ("Sudan", "Central Darfur", "Central Darfur"), ("Afghanistan", "Paktika", "Paktika"),
    ("Peru", "Lima", "Lima")])
def test_the_atlas_finds_a_division_by_other_spelling(country: str, written: str, division: str) -> None:
    found = atlas().region(country, written)
    assert found is not None and found.name == division


def test_divisions_the_atlas_does_not_know_follow_the_same_rule(fresh: Store) -> None:
    rules = Rules.read(fresh.db, Reassigned())
    rules._atlas = without_divisions_of("AFG", "BFA", "PAK", "SDN", "ETH", "CHN")
    for one, other in JOINED:
        assert rules.key("Somewhere", one) == rules.key("Somewhere", other)
    assert len({rules.key("China", n) for n in ("Hunan", "Henan", "Hainan")}) == 3
    assert rules.key("Burkina Faso", "Centre-Est") != rules.key("Burkina Faso", "Centre-Ouest")


def _acled(path: Path, rows: list[tuple[str, str, str, float, float]]) -> Path:
    """ACLED rows of the current layout: (event id, country, admin1, lat, lon)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, ACLED_HEADER)
        out.writeheader()
        for n, (eid, country, admin1, lat, lon) in enumerate(rows, 1):
            out.writerow({"data_id": 100 + n, "iso": 0, "event_id_cnty": eid, "event_id_no_cnty": n,
                          "event_date": f"{n} March 2020", "year": 2020, "time_precision": 1,
                          "event_type": "Battles", "sub_event_type": "Armed clash",
                          "actor1": "Unidentified Armed Group", "inter1": 3, "interaction": 30,
                          "country": country, "admin1": admin1, "location": f"Place {n}",
                          "latitude": lat, "longitude": lon, "geo_precision": 1, "source": "Local",
                          "notes": f"Clash number {n}.", "fatalities": 0, "timestamp": 1600000000})
    return path


def test_an_import_of_two_eras_spellings_makes_one_front_each(fresh: Store, tmp_path: Path) -> None:
    # Points at sea: the division comes from the row alone, as for a row whose point the atlas misses.
    rows = [(f"X{i}{j}", country, name, 0.5 + i, -20.0 - j)
            for i, (country, pair) in enumerate(zip(["Afghanistan", "Burkina Faso", "Ethiopia", "Pakistan",
                                                     "Pakistan", "Sudan"], JOINED, strict=True))
            for j, name in enumerate(pair)]
    fresh.import_file(_acled(tmp_path / "two_eras.csv", rows))
    fronts = dict(fresh.db.execute("SELECT f.name, count(*) FROM events e JOIN fronts f ON f.slug = e.front "
                                   "GROUP BY f.slug").fetchall())
    assert fronts == {one: 2 for one, _ in JOINED}
