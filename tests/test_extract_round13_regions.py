"""Round 13, issue 17: region forms the gazetteer's spots did not make regions (db/reports/region_forms.py,
regions.py). Sentences written for the tests, not taken from the development set."""

from __future__ import annotations

import pytest
from sitroom.db.geography import atlas
from sitroom.db.reports.extract import Found, Lexicon

from .extract_helpers import events, lex, one

__all__ = ["lex"]


def inside(found: Found, governorate: str) -> bool:
    area = atlas().region("Syria", governorate)
    where = found.location
    return area is not None and where.lat is not None and where.lon is not None and \
        area.contains(where.lon, where.lat)


def approximate_region(found: Found, governorate: str) -> None:
    assert found.place is None, found.why
    assert inside(found, governorate), found.location
    assert "approximate, a region" in found.location.located_by, found.location
    assert (found.location.precision_km or 0) >= 10


@pytest.mark.parametrize(
    ("sentence", "kind", "region", "governorate"),
    [
        ("Heavy clashes erupted on Sunday in the eastern province of Deir Ezzor.", "clashes",
         "the eastern province of Deir Ezzor", "Deir ez-Zor"),
        ("Rebels clashed with government troops in the central province of Hama.", "clashes",
         "the central province of Hama", "Hama"),
        ("Jets pounded rebel hideouts in eastern Damascus province on Monday.", "airstrike",
         "eastern Damascus province", "Rif Dimashq"),
        ("Militants clashed with the army in the northern countryside of Latakia province.", "clashes",
         "the northern countryside of Latakia province", "Latakia"),
    ],
)
def test_a_governorate_described_by_where_it_lies_is_a_region(
        lex: Lexicon, sentence: str, kind: str, region: str, governorate: str) -> None:
    found = one(sentence, lex)
    assert found.type == kind
    assert found.place_name == region
    approximate_region(found, governorate)


def test_the_eastern_province_of_x_is_the_whole_governorate_at_its_centre(lex: Lexicon) -> None:
    found = one("Heavy clashes erupted on Sunday in the eastern province of Deir Ezzor.", lex)
    assert "governorate's centre" in found.location.located_by
    assert "east of" not in found.location.located_by


def test_a_direction_before_the_last_governorate_of_a_list_is_its_own_region(lex: Lexicon) -> None:
    found = events("Jihadists mounted attacks in western Aleppo and southern Idlib provinces on Friday.", lex)
    names = {f.place_name: f for f in found}
    assert set(names) == {"western Aleppo", "southern Idlib"}, names
    approximate_region(names["southern Idlib"], "Idlib")
    approximate_region(names["western Aleppo"], "Aleppo")


def test_one_plural_governorate_noun_makes_each_listed_name_a_governorate(lex: Lexicon) -> None:
    found = events("Government artillery shelled Idleb and Hama Governorates on Tuesday.", lex)
    names = {f.place_name: f for f in found}
    assert set(names) == {"Idleb", "Hama Governorates"}, names
    approximate_region(names["Idleb"], "Idlib")  # never Idlib city's own point
    approximate_region(names["Hama Governorates"], "Hama")


def test_a_governorate_then_a_direction_and_villages_is_a_region(lex: Lexicon) -> None:
    found = events("Warplanes struck the northern Homs and Hama Southern villages on Sunday.", lex)
    names = {f.place_name: f for f in found}
    assert set(names) == {"northern Homs", "Hama Southern villages"}, names
    approximate_region(names["Hama Southern villages"], "Hama")


def test_an_extent_after_a_lists_and_is_a_place_of_its_own(lex: Lexicon) -> None:
    found = events("Government jets struck the southern countryside side of Idlib and northern countryside "
                   "of Hama.", lex)
    names = {f.place_name: f for f in found}
    assert set(names) == {"the southern countryside side of Idlib", "northern countryside of Hama"}, names
    approximate_region(names["northern countryside of Hama"], "Hama")
    assert names["the southern countryside side of Idlib"].place is None  # not Idlib city's point


def test_an_extent_near_a_region_stays_its_reference(lex: Lexicon) -> None:
    found = events("Militants clashed with the army in the northern countryside of Latakia province near the "
                   "northern countryside of Hama and Idlib provinces.", lex)
    assert [f.place_name for f in found] == ["the northern countryside of Latakia province"]


def test_a_place_in_a_countryside_is_still_that_place(lex: Lexicon) -> None:
    found = one("Rebels shelled the village of Kafr Nabl in the southern countryside of Idlib.", lex)
    assert found.place is not None and found.place_name == "Kafr Nabl"


def test_a_city_named_alone_stays_the_city(lex: Lexicon) -> None:
    found = one("Government warplanes bombed Idlib on Sunday.", lex)
    assert found.place is not None
    assert "approximate" not in found.location.located_by


@pytest.mark.parametrize(("sentence", "name", "part"), [
    ("Regime jets bombed the eastern parts of Raqqa on Friday.", "the eastern parts of Raqqa", "east"),
    ("The army shelled the western suburbs of Aleppo overnight.", "the western suburbs of Aleppo", "west"),
])
def test_a_part_of_a_city_is_in_the_city_but_off_its_point(
        lex: Lexicon, sentence: str, name: str, part: str) -> None:
    found = one(sentence, lex)
    assert found.place_name == name
    assert found.place is not None  # the city it lies in, for whoever counts that city's events
    assert "approximate, a part of it" in found.location.located_by, found.location
    assert f"km {part} of" in found.location.located_by
    assert (found.location.precision_km or 0) <= 10  # inside the city's own extent, not its countryside
