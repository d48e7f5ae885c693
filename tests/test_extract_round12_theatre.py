"""Issue 17, round 12: reports from other wars. The report's theatre from its own words (country names,
capitals, names only one war has; demonyms in its headline and dateline), whatever the store holds; a
coalition named with its leader is that leader's; transliteration variants as rules. Reports written for
the test, shaped like the genre's (AP, Rudaw, Hurriyet datelines and headlines)."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon, extract
from sitroom.db.reports.spelling import skeleton, variant_key
from sitroom.db.reports.world import worded_countries

from .extract_helpers import lex

__all__ = ["lex"]

DATE = "2018-06-25"


def _events(text: str, lex: Lexicon) -> list:
    return extract(text, lex, DATE).events


def _syrian(place: str | None, lex: Lexicon) -> bool:
    gaz = lex.gazetteer
    return place is not None and gaz.is_home(gaz.places[place])


# -- the theatre from the report's words -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "leading", "countries"), [
    ("Yemeni officials: Saudi strikes kill at least 8 in northwest", True, {"yemen"}),
    ("SANAA, Yemen (AP) —", True, {"yemen"}),
    ("in Yemen's northern Saada province", False, {"yemen"}),
    ("Houthi rebels shelled the port of Hodeidah", False, {"yemen"}),
    ("Turkish forces capture five more villages in Afrin", True, set()),  # a side, not a place
    ("Iranian-backed militias", True, set()),
    ("the Free Syrian Army and Turkish jets", False, set()),  # body demonyms are sides
    ("KYIV, Ukraine —", True, {"ukraine"}),
    ("Forces loyal to Haftar advanced south of Tripoli", False, {"libya"}),
])
def test_worded_countries(text: str, leading: bool, countries: set[str]) -> None:
    assert set(worded_countries(text, leading=leading)) == countries


YEMEN = ("Yemeni officials: coalition strikes kill 8\n\nSANAA, Yemen (AP) — Airstrikes by the Saudi-led "
         "coalition on Monday hit the village of Saane near Sanaa, killing eight civilians, officials said.")


def test_a_yemen_report_is_not_matched_to_syrian_namesakes(lex: Lexicon) -> None:
    # "Saane" is an alternate name of As Si'in (Hama): in a report of Yemen's war it is a place unknown
    found = _events(YEMEN, lex)
    assert found and all(not _syrian(f.place, lex) for f in found)
    assert [f.place_name for f in found] == ["Saane"]


@pytest.mark.parametrize("text", [
    "MOSUL, Iraq — Iraqi forces shelled the village of Saane on Sunday.",
    "TRIPOLI, Libya — Forces loyal to Haftar shelled the town of Saane south of Tripoli on Monday.",
    "KYIV, Ukraine — Russian forces shelled the village of Saane in the Donetsk region on Monday.",
    "Houthis shell Hodeidah\n\nHouthi fighters shelled the town of Saane on Monday, officials said.",
])
def test_other_wars_keep_their_places_unknown(text: str, lex: Lexicon) -> None:
    found = _events(text, lex)
    assert found and all(f.place is None for f in found), [(f.place_name, f.place) for f in found]


def test_a_syria_report_still_reads_the_same_name_in_syria(lex: Lexicon) -> None:
    found = _events("Syrian army shells Saane\n\nThe Syrian army shelled the village of Saane in the Hama "
                    "countryside on Monday.", lex)
    assert [_syrian(f.place, lex) for f in found] == [True]


def test_a_headline_side_does_not_move_the_war(lex: Lexicon) -> None:
    # "Turkish forces" is a side: Raju is still Afrin's
    found = _events("Turkish forces capture five more villages in Afrin\n\nTurkish forces and their allies "
                    "captured the village of Raju on Sunday.", lex)
    assert [(f.place_name, _syrian(f.place, lex)) for f in found] == [("Raju", True)]


def test_places_near_one_another_outweigh_a_foreign_dateline(lex: Lexicon) -> None:
    # a Rudaw report datelined Erbil (Iraq) about Tabqa and Raqqa: the two lie within 100 km, Syria's war
    found = _events("ERBIL, Kurdistan Region – The Syrian Democratic Forces captured the town of Tabqa on "
                    "Monday and advanced on Raqqa.", lex)
    assert found and all(_syrian(f.place, lex) for f in found)
    assert "syria" in lex.gazetteer.report and not lex.gazetteer.abroad


def test_a_foreign_city_named_in_passing_does_not_move_the_war(lex: Lexicon) -> None:
    # one Raqqa, named again and again, outweighs one comparison with Mosul (Iraq)
    found = _events("ISIS attacked the SDF in Raqqah city on Monday. The SDF shelled ISIS in Raqqah on "
                    "Tuesday. The battle for Raqqah may repeat the battle for Mosul.", lex)
    assert found and all(_syrian(f.place, lex) for f in found), [(f.place_name, f.place) for f in found]
    assert not lex.gazetteer.abroad


# -- a coalition named with its leader ---------------------------------------------------------------------

def test_saudi_led_coalition_is_not_the_us_led(lex: Lexicon) -> None:
    found = _events(YEMEN, lex)
    sides = {name: slug for f in found for name, slug, role, _ in f.parties if role == "actor"}
    assert sides == {"Saudi-led coalition": None}


def test_us_led_coalition_is_still_the_store_one(lex: Lexicon) -> None:
    found = _events("The US-led coalition struck the town of Tabqa on Monday.", lex)
    assert [slug for f in found for _, slug, role, _ in f.parties if role == "actor"] == ["us-coalition"]


def test_a_coalition_whose_leader_the_store_knows_is_the_leader(lex: Lexicon) -> None:
    (p,) = lex.parties.find("A Russian-led coalition of forces struck the town.")
    assert p.slug == "russian-aerospace-forces"


# -- transliteration variants: which fold in the key, which only in the skeleton --------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("Douma", "Duma"), ("Ar-Raqqah", "Raqqa"), ("Ain Issa", "Ayn Issa"), ("Tell Abyad", "Tal Abyad"),
    ("Husseiniyeh", "Husayniya"), ("Deir ez-Zor", "Deir al-Zor"), ("Ma'arrat al-Nu'man", "Maarat al-Numan"),
    ("Hasakeh", "Hasaka"), ("Sheikh Maqsoud", "Shaykh Maqsud"), ("Kfar Nabl", "Kafr Nabl"),
])
def test_variants_one_key(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Idleb", "Idlib"), ("Dayr az Zawr", "Deir ez-Zor"), ("Qamishli", "Kamishli"),
    ("Al Qusayer", "Al Qusayr"), ("Menbij", "Manbij"), ("Saraqeb", "Saraqib"),
])
def test_vowel_and_q_k_variants_one_skeleton(a: str, b: str) -> None:
    # vowels and q/k tell places apart in the key; a name the sentence presents as a place is matched loosely
    assert skeleton(a) == skeleton(b)


# -- a stored place keeps the bundled place's names: the reading does not depend on what the store holds

ALMASDAR = ("Army retakes village near Deir Hafer\n\nThe attacking forces marched eastward and retook Al "
            "Qusayer; thus tightening the noose around the Islamic State fighters in Deir Hafer.")


def test_storing_a_bundled_place_does_not_change_a_later_reading(tmp_path) -> None:
    import sqlite3

    from sitroom.db import Store, create_store

    path = tmp_path / "sitroom.db"
    create_store(path)

    def reading() -> tuple[str | None, list[tuple[str | None, str]]]:
        lex = Lexicon(sqlite3.connect(path))
        place = lex.gazetteer.lookup("Deir Hafer")
        return (place.name if place else None), [(f.place_name, f.type) for f in _events(ALMASDAR, lex)]

    before = reading()
    # an event lands at Dayr Hafir (GeoNames' spelling): the bundled place becomes a store place
    Store(path).ingest("Deir Hafer shelled\n\nThe Syrian army shelled the town of Deir Hafer on Monday.",
                       date="2017-03-13")
    stored = sqlite3.connect(path).execute("SELECT name FROM places WHERE name LIKE 'Dayr Hafir'").fetchall()
    assert stored == [("Dayr Hafir",)]
    assert reading() == before == ("Dayr Hafir", before[1])
