"""Region-level events and advances toward a place (issue 17; bench/reports/README.md, Conventions).
Sentences written for the tests, not taken from the development set."""

from __future__ import annotations

import pytest
from sitroom.db.geography import atlas
from sitroom.db.reports.extract import Found, Lexicon

from .extract_helpers import events, lex, one

__all__ = ["lex"]

HAMA_CITY = (35.132, 36.758)


def inside(found: Found, governorate: str) -> bool:
    area = atlas().region("Syria", governorate)
    where = found.location
    return area is not None and where.lat is not None and where.lon is not None and \
        area.contains(where.lon, where.lat)


@pytest.mark.parametrize(
    ("sentence", "kind", "region", "governorate"),
    [
        ("Government warplanes pounded northern Hama on Friday.", "airstrike", "northern Hama", "Hama"),
        ("Heavy clashes raged in southern Idlib overnight.", "clashes", "southern Idlib", "Idlib"),
        ("Army units shelled rebel positions in the western countryside of Aleppo.", "shelling",
         "western countryside of Aleppo", "Aleppo"),
        ("Jets bombed rural Idlib on Sunday.", "airstrike", "rural Idlib", "Idlib"),
        ("Fierce fighting broke out in northern Hama province on Monday.", "clashes",
         "northern Hama province", "Hama"),
        ("The regime shelled Hama's eastern countryside.", "shelling", "Hama's eastern countryside", "Hama"),
        ("Rebels attacked army posts in the Eastern Ghouta.", "attack", "Eastern Ghouta", "Rif Dimashq"),
        ("Government forces captured a large area east of Damascus on Tuesday.", "capture",
         "a large area east of Damascus", "Rif Dimashq"),
    ],
)
def test_a_happening_placed_only_in_a_region_is_one_event_there(
        lex: Lexicon, sentence: str, kind: str, region: str, governorate: str) -> None:
    found = one(sentence, lex)
    assert found.type == kind
    assert found.place_name is not None and region.casefold() in found.place_name.casefold(), found.why
    assert inside(found, governorate), found.location
    assert "approximate" in found.location.located_by, found.location
    assert (found.location.precision_km or 0) >= 10


@pytest.mark.parametrize("sentence", [
    "Warplanes struck northern Hama overnight.",
    "Airstrikes hit the northern countryside of Hama overnight.",
    "Airstrikes hit rural Hama overnight.",
])
def test_a_region_is_never_put_at_the_city_it_is_named_after(lex: Lexicon, sentence: str) -> None:
    found = one(sentence, lex)
    assert found.place is None
    assert (found.location.lat, found.location.lon) != HAMA_CITY


def test_a_northern_region_lies_north_of_a_southern_one(lex: Lexicon) -> None:
    north = one("Jets bombed northern Idlib on Friday.", lex).location
    south = one("Jets bombed southern Idlib on Friday.", lex).location
    assert north.lat is not None and south.lat is not None and north.lat > south.lat


@pytest.mark.parametrize(("sentence", "regions"), [
    ("The army escalated its shelling on Idlib's western and northern countryside.",
     {"western", "northern"}),
    ("Russian jets bombed northern Hama and southern Idlib on Thursday.",
     {"northern hama", "southern idlib"}),
])
def test_each_listed_region_is_its_own_event(lex: Lexicon, sentence: str, regions: set[str]) -> None:
    found = events(sentence, lex)
    assert len(found) == len(regions), [(f.place_name, f.type) for f in found]
    names = " | ".join((f.place_name or "").casefold() for f in found)
    assert all(r in names for r in regions), names


@pytest.mark.parametrize("sentence", [
    "Government forces captured the village of Maan in northern Hama on Monday.",
    "Jets bombed the town of Kafr Zita in the northern countryside of Hama.",
    "Rebels shelled the village of Suqaylabiyah in rural Hama.",
])
def test_a_region_beside_a_precise_place_is_its_container(lex: Lexicon, sentence: str) -> None:
    found = one(sentence, lex)
    assert found.place_name and not found.place_name.casefold().startswith(("northern", "rural", "the")), \
        found.place_name


@pytest.mark.parametrize("sentence", [
    "If the talks fail, the army will attack northern Hama.",
    "Northern Hama was the scene of heavy fighting in 2012.",
    "The army plans to launch an offensive in southern Idlib.",
])
def test_no_region_event_from_background_or_intention(lex: Lexicon, sentence: str) -> None:
    assert events(sentence, lex) == []


@pytest.mark.parametrize(("sentence", "places"), [
    ("Government forces closed in on Kafr Zita on Monday.", {"Kafr Zita"}),
    ("Rebels are closing in on the town of Morek from the north.", {"Morek"}),
    ("The army tightened the noose around Deir Hafer on Monday.", {"Deir Hafer"}),
    ("The SDF is tightening its grip around Tabqa.", {"Tabqa"}),
    ("Troops are advancing towards Maskanah.", {"Maskanah"}),
    ("The Tiger Forces pushed towards Sukhnah overnight.", {"Sukhnah"}),
])
def test_an_advance_toward_or_around_a_place_is_an_advance_there(lex: Lexicon, sentence: str,
                                                                 places: set[str]) -> None:
    found = one(sentence, lex)
    assert found.type == "advance", found.why
    assert found.place_name in places, found.place_name


def test_a_noose_tightened_as_the_result_of_a_capture_is_no_second_happening(lex: Lexicon) -> None:
    found = events("The army retook Maskanah, thus tightening the noose around the militants in Deir Hafer.",
                   lex)
    assert [(f.type, f.place_name) for f in found] == [("capture", "Maskanah")]


def test_an_advance_toward_a_province_border_is_a_region_not_the_city(lex: Lexicon) -> None:
    found = one("Loyalist forces pushed towards the provincial borders of Idlib.", lex)
    assert found.type == "advance"
    assert found.place is None and inside(found, "Idlib"), (found.place, found.location)
