"""Where an unknown place is put when the sentence gives only what contains it: never the exact point
of a city it is not in, and never a precision finer than the words give. A new user's trial: "the town of
Maar Shureen in the northwestern province of Idlib" was exported at Idlib city's point, "near, 5 km",
45 km from the town; villages "in the western countryside of Deir Ezzor" were "about 15 km west, within
20 km" of the city, some 90 km from them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sitroom.db.reports.extract import Lexicon, extract


@pytest.fixture
def lex(db_path: Path) -> Lexicon:
    return Lexicon(sqlite3.connect(db_path))


def _where(lex: Lexicon, sentence: str) -> dict[str, tuple]:
    return {f.place_name: (f.location.precision_km, f.location.located_by)
            for f in extract(sentence, lex, "2018-03-01").events}


@pytest.mark.parametrize("sentence", [
    "Jets bombed the town of Kafr Barem in the southern province of Idlib on Monday.",
    "Rebels stormed the village of Tell Zaroub in Hama on Monday.",
])
def test_a_town_or_village_in_a_governorate_is_at_the_governorate_not_its_city(lex: Lexicon,
                                                                                sentence: str) -> None:
    ((km, how),) = _where(lex, sentence).values()
    assert km == 60.0 and "the governorate's centre, not located" in how


def test_a_neighbourhood_in_a_city_stays_in_the_city(lex: Lexicon) -> None:
    found = _where(lex, "Rebels shelled the Tishreen neighbourhood in Damascus on Monday.")
    km, how = found["Tishreen neighbourhood"]
    assert km == 5.0 and how == "in Damascus: not located"


def test_a_countryside_is_tens_of_kilometres_across(lex: Lexicon) -> None:
    found = _where(lex, "The army took the villages of Kharbet Aziz and Tell Mansour in the western "
                        "countryside of Deir Ezzor on Monday.")
    assert {v for v in found.values()} == {
        (40.0, "western countryside of Deir Ezzor: about 20 km west of it, within about 40 km")}


def test_regions_listed_together_are_each_an_event_beside_a_nearby_town(lex: Lexicon) -> None:
    """A region in a list of wide places is one of the list, not a summary of a town's event near it."""
    found = _where(lex, "Shelling continued in Idleb and Hama Governorates and the western countryside of "
                        "Aleppo on Monday. Government forces also shelled the town of Saraqib on Monday.")
    assert {"Idleb", "Hama Governorates", "the western countryside of Aleppo", "Saraqib"} <= set(found)


@pytest.mark.parametrize(("text", "place"), [
    ("Government forces advanced near Deir ez-Zor on Monday. Meanwhile, ISIS recaptured Palmyra on Sunday.",
     "Palmyra"),
    ("Warplanes struck Idlib on Monday. Other airstrikes hit Dara'a and Khan Sheikhoun.", "Dara'a"),
])
def test_a_city_far_from_the_last_place_is_that_city(lex: Lexicon, text: str, place: str) -> None:
    """A city the gazetteer holds once, written as it is, has no namesake to be taken for, however far
    it is from the report's last place (a new user's trial: "Dara'a" after Idlib was not in the
    gazetteer)."""
    found = {f.place_name: f.place for f in extract(text, lex, "2018-03-01").events}
    assert found.get(place) is not None
