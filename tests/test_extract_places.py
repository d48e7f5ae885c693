"""Places: the place a sentence names is the event's place under its own name, known or not; a
reference locates it and never takes its place; one event per listed place (sentences written for
the tests)."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon
from sitroom.db.reports.spelling import skeleton, variant_key
from sitroom.db.write.resolve import km_between

from .extract_helpers import events, lex, one

__all__ = ["lex"]


def test_an_unknown_place_keeps_its_own_name(lex: Lexicon) -> None:
    found = one("The Tiger Forces captured the village of Khirbet Umm Rajim.", lex)
    assert (found.place, found.place_name, found.type) == (None, "Khirbet Umm Rajim", "capture")
    assert found.location.located_by.startswith("not located")


def test_a_reference_locates_without_replacing(lex: Lexicon) -> None:
    found = one("The SAA captured the village of Abu Hamam, 20 km south of Raqqa.", lex)
    assert found.place is None and found.place_name == "Abu Hamam"
    raqqa = lex.places["raqqa"]
    assert 15 < km_between(found.location.lat, found.location.lon, raqqa.lat, raqqa.lon) < 25
    assert found.location.lat < raqqa.lat  # south
    assert found.location.precision_km == 5.0
    assert found.location.located_by == "20 km south of Raqqa"


@pytest.mark.parametrize(
    ("sentence", "name", "located_by"),
    [
        ("ISIS ambushed the army at the oil field southwest of Resafa.", None, "southwest of Resafa"),
        ("The SDF seized the hamlet of Ghanem al-Ali in the western countryside of Raqqa.", "Ghanem al-Ali",
         "western countryside of Raqqa"),
        ("Government forces entered the village of Bir Hamad near Resafa.", "Bir Hamad", "near Resafa"),
    ],
)
def test_never_moved_to_the_reference(lex: Lexicon, sentence: str, name: str | None, located_by: str) -> None:
    found = one(sentence, lex)
    assert found.place_name == name and found.place is None
    assert located_by in found.location.located_by


def test_one_event_per_listed_place(lex: Lexicon) -> None:
    found = events("The Tiger Forces secured the villages of Tell Abyad Saghir, Huwaija and Shuwayha east "
                   "of the desert of Raqqa.", lex)
    assert [f.place_name for f in found] == ["Tell Abyad Saghir", "Huwaija", "Shuwayha"]
    assert {f.type for f in found} == {"capture"} and all(f.place != "raqqa" for f in found)
    found = events("Kurdish forces captured Qaraqozak and Sarrin villages.", lex)
    assert [f.place_name for f in found] == ["Qaraqozak", "Sarrin"]


def test_an_unnamed_place_is_an_area_not_a_point(lex: Lexicon) -> None:
    found = one("The army captured three villages near Deir Ezzor.", lex)
    assert found.place is None and found.place_name is None and found.unnamed
    assert found.location.located_by.startswith("three villages near Deir Ezzor: near Deir Ezzor, within "
                                                "about 5 km")
    assert found.location.precision_km == 5.0


def test_a_lone_reference_is_the_place_approximately(lex: Lexicon) -> None:
    found = one("ISIS attacked army positions east of Palmyra.", lex)
    assert found.place_name == "Palmyra" and found.location.located_by.endswith("(approximate)")


def test_containers_and_frames_are_not_events(lex: Lexicon) -> None:
    found = events("The army took Kafr Nabl in Idlib province.", lex)
    assert [f.place_name for f in found] == ["Kafr Nabl"]
    found = events("West of Aleppo, rebels shelled the town of Zahraa.", lex)
    assert [f.place_name for f in found] == ["Zahraa"]
    assert events("Government forces repelled an attack in the Hama province.", lex) == []


@pytest.mark.parametrize("name", ["Aleppo", "Homs", "Palmyra", "Sukhnah", "Tadmur", "al-Mayadeen", "Douma"])
def test_the_bundled_gazetteer_knows_the_cities(lex: Lexicon, name: str) -> None:
    found = one(f"The army shelled {name}.", lex)
    assert found.place is not None and found.location.lat is not None, found.why


@pytest.mark.parametrize(
    ("a", "b"),
    [("Al-Raqqa", "Ar-Raqqah"), ("Ain Tarma", "Ayn Tarma"), ("Ein Tarma", "Ayn Tarma"),
     ("Tal Abyad", "Tell Abyad"),
     ("Husseiniya", "Husayniyah"), ("Salamiyeh", "Salamiyah"), ("Al-Mayadeen", "Al Mayadin")],
)
def test_transliteration_variants_share_a_key(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


def test_a_name_given_as_a_place_matches_loosely(lex: Lexicon) -> None:
    assert skeleton("Hamima") == skeleton("Humaima")
    found = one("The SAA liberated the village of Hamima.", lex)
    assert found.place == "humaima"
    assert variant_key("Hama") != variant_key("Humaima") and skeleton("Hama") != skeleton("Humaima")


def test_a_name_seen_as_a_place_is_known_for_the_rest_of_the_report(lex: Lexicon) -> None:
    found = events("The SDF captured the village of Jurn al-Aswad. ISIS later shelled Jurn al-Aswad.", lex)
    assert [(f.type, f.place_name) for f in found] == [("capture", "Jurn al-Aswad"),
                                                        ("shelling", "Jurn al-Aswad")]


def test_the_city_refers_back(lex: Lexicon) -> None:
    found = events("The SDF reached Tabqa on Monday. On Tuesday the SDF stormed the city.", lex)
    assert [f.place for f in found] == ["tabaqa", "tabaqa"]


def test_a_namesake_far_away_is_not_the_place(lex: Lexicon) -> None:
    text = ("The army captured Khanasir. The attacking forces then retook the village of Al Qusayer, "
            "east of Khanasir.")
    qusayer = next(f for f in events(text, lex) if f.place_name == "Al Qusayer")
    assert qusayer.place is None  # not Al-Qusayr in Homs, far away
    assert one("The army shelled the town of Al Qusayr.", lex).place is not None  # without context, it is


def test_the_subject_of_a_passive_is_every_place_before_it(lex: Lexicon) -> None:
    found = events("Later on Friday, the Kafr Batna village in the Douma district and the “Beit Sawa” "
                   "village in the Harasta district were freed from militants.", lex)
    assert [f.place_name for f in found] == ["Kafr Batna village", "Beit Sawa"]


def test_a_withdrawal_happens_where_it_left_not_where_it_went(lex: Lexicon) -> None:
    found = events("ISIS withdrew its fighters from the village of Abu Hayyah towards Raqqa.", lex)
    assert [(f.type, f.place_name) for f in found] == [("withdrawal", "Abu Hayyah")]


def test_rural_names_an_area(lex: Lexicon) -> None:
    found = one("A car bomb struck rural Raqqa, hitting the village of Jaabar.", lex)
    assert (found.type, found.place_name) == ("vbied", "Jaabar")


def test_the_province_of_a_city_is_an_area(lex: Lexicon) -> None:
    found = one("The army captured two towns in the province of Idlib.", lex)
    assert found.unnamed and found.location.located_by.startswith("in Idlib")


def test_a_place_in_a_later_clause_is_not_the_object(lex: Lexicon) -> None:
    found = events("By taking control of Hobait, the government forces gained access to Khan Shaykhun.", lex)
    assert [f.place_name for f in found] == ["Hobait"]


def test_where_the_report_was_made_is_not_where_it_happened(lex: Lexicon) -> None:
    found = one("Syrian troops seized a dozen hills, state TV said on Friday in a broadcast from Morek.", lex)
    assert found.unnamed and found.certainty == "claimed"


def test_a_site_named_after_a_place_is_not_the_place(lex: Lexicon) -> None:
    found = one("ISIS attacked SDF fighters in the Tabqa dam.", lex)
    assert found.place_name == "Tabqa dam" and found.place is None and found.kind == "site"


def test_a_wide_area_restating_a_precise_event_is_dropped(lex: Lexicon) -> None:
    found = events("An ISIS attack on the SDF in eastern Deir Ezzor killed two fighters. ISIS militants "
                   "raided an SDF post in the village of Al-Zir.", lex)
    assert [f.place_name for f in found] == ["Al-Zir"]


def test_fighting_near_a_place_is_there_approximately(lex: Lexicon) -> None:
    found = one("ISIS fighters attacked positions near the Omar oil field; the clashes lasted until morning.",
                lex)
    assert found.place_name == "Omar oil field" and found.location.located_by.startswith("near")


def test_including_names_the_places(lex: Lexicon) -> None:
    found = events("Rebels captured several villages in north-east Daraa province, including Jaddel, "
                   "Hawsh Hammad.", lex)
    assert [f.place_name for f in found] == ["Jaddel", "Hawsh Hammad"]


def test_a_list_item_may_carry_its_noun(lex: Lexicon) -> None:
    found = events("The army entered the rebel positions of Al-Rubaii checkpoint, Tall Ashtara and Umm "
                   "Huran.", lex)
    assert [f.place_name for f in found] == ["Al-Rubaii checkpoint", "Tall Ashtara", "Umm Huran"]


def test_a_river_is_no_place_name(lex: Lexicon) -> None:
    found = one("The army destroyed ISIS positions on the banks of the Euphrates River.", lex)
    assert found.place_name is None and found.unnamed


def test_a_district_in_apposition_and_adjacent_references(lex: Lexicon) -> None:
    found = events("The army said it had taken a third district, Holok, adjacent to Hanano.", lex)
    assert [(f.place_name, f.type) for f in found] == [("Holok", "capture")]
    assert found[0].location.located_by.startswith("adjacent to Hanano")
