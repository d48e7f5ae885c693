"""Phenomena met on reports the rules had not seen (issue 17, round 3), each with sentences written for
the test: spellings of faction names, air forces by their aircraft, possessed positions, bulleted
lists, glosses in names, directions, origins, anaphora, blanket denials, durative background, partial
gains, spelt-out VBIEDs, cut supply lines, claims by fighters, skeletons that only look alike."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import events, lex, one, roles

__all__ = ["lex"]


def test_jaysh_is_a_faction_however_spelt(lex: Lexicon) -> None:
    for spelling in ("Jaysh al-Islam", "Jaish al-Islam", "Jeish al-Islam"):
        found = one(f"Government troops stormed {spelling} positions in the village of Marj Sultan.", lex)
        assert found.place_name == "Marj Sultan", spelling
        assert any(spelling in name or name == spelling for name in roles(found).get("target", set()))


def test_fighter_jets_make_an_airstrike(lex: Lexicon) -> None:
    found = one("Syrian fighter jets pounded militant positions near the town of Kafr Zeita.", lex)
    assert found.type == "airstrike"


def test_positions_of_the_other_side_are_not_the_army(lex: Lexicon) -> None:
    found = one("The army shelled the rebels' military positions in the village of Lahaya.", lex)
    assert ("saa", "target") not in found.factions


def test_a_bulleted_list_after_a_colon_gives_one_event_per_item(lex: Lexicon) -> None:
    text = ("The Tiger Forces liberated three villages on the eastern bank yesterday.\n\n"
            "The liberated villages can be identified as:\n\n  • Umm Tuwaina (re-secured);\n  • Jubb Hamza;"
            " and\n  • Tal Jazira.\n")
    found = events(text, lex)
    assert {f.place_name for f in found if f.type == "capture"} == {"Umm Tuwaina", "Jubb Hamza", "Tal Jazira"}


def test_a_gloss_in_brackets_is_not_part_of_the_name(lex: Lexicon) -> None:
    found = one("The army advanced in the area of Tal (Hill) Sukkariyeh yesterday.", lex)
    assert found.place_name == "Tal Sukkariyeh"


def test_a_direction_is_not_a_place(lex: Lexicon) -> None:
    found = events("Government troops advanced towards the town of Zamalka, East of Damascus.", lex)
    assert "East" not in {f.place_name for f in found}


def test_the_town_refers_to_the_town_the_sentence_named(lex: Lexicon) -> None:
    found = events("The army tightened its siege of the town of Bala and its farms and then advanced "
                   "inside the town.", lex)
    assert {f.place_name for f in found} == {"Bala"}


def test_a_blanket_denial_states_no_happening(lex: Lexicon) -> None:
    assert events("Kurdish sources deny any retreats inside Tabqa city.", lex) == []


def test_a_denied_loss_is_still_a_disputed_claim(lex: Lexicon) -> None:
    found = one("ISIS denied losing the village of Shuwaymiyah to the army.", lex)
    assert found.certainty == "claimed"


def test_fighting_since_a_month_is_background(lex: Lexicon) -> None:
    assert events("The SDF have been fighting since June to drive ISIS from Tabqa city.", lex) == []


def test_this_advance_refers_back(lex: Lexicon) -> None:
    assert events("By this advance, the army is now 30 km away from its positions in Palmyra.", lex) == []


def test_a_push_being_prepared_is_no_happening(lex: Lexicon) -> None:
    assert events("Freed troops will be sent for a final push towards Albukamal.", lex) == []


def test_metres_of_territory_are_a_partial_gain(lex: Lexicon) -> None:
    found = one("The army captured about 500 meters of territory near the village of Hazrama.", lex)
    assert found.type == "advance"


def test_a_spelt_out_vbied(lex: Lexicon) -> None:
    found = one("A suicide vehicle-borne improvised explosive device struck SDF fighters in the "
                "village of Kasrat Sheikh Juma.", lex)
    assert found.type == "vbied"


def test_cut_supply_lines_encircle(lex: Lexicon) -> None:
    found = one("The army cut ISIS supply lines to the town of Uqayribat.", lex)
    assert found.type == "encirclement"


def test_fighters_saying_they_took_a_place_is_a_claim(lex: Lexicon) -> None:
    found = one("On Monday, fighters said they had captured the village of Hamrat.", lex)
    assert found.certainty == "claimed"


def test_a_name_with_the_iya_ending_is_not_a_shorter_lookalike(lex: Lexicon) -> None:
    found = one("Government troops advanced into the town of Hamouriyeh.", lex)
    assert found.place is None and found.place_name == "Hamouriyeh"


def test_under_the_banner_of_names_the_actor(lex: Lexicon) -> None:
    found = one("Gunmen fighting under the banner of ISIS captured the village of Tal Shair.", lex)
    assert ("isis", "actor") in found.factions


def test_where_an_attack_started_is_not_where_it_struck(lex: Lexicon) -> None:
    found = events("The troops launched their attack from the nearby villages of Nawa and Jasim before "
                   "storming Inkhil.", lex)
    assert {f.place_name for f in found} == {"Inkhil"}


def test_an_event_noun_with_a_future_is_hypothetical(lex: Lexicon) -> None:
    assert events("The capture of Maadan from ISIS will open the road to Deir Ezzor.", lex) == []


def test_jets_right_before_pounded_make_it_an_airstrike(lex: Lexicon) -> None:
    found = [f for f in events("The troops advanced after Syrian warplanes pounded the village of Tell "
                               "Dahab.", lex) if f.place_name and "Dahab" in f.place_name]
    assert found and found[0].type == "airstrike"


# Issue 18: only a capture of the place itself changes its holder; a partial gain is an advance there.

def test_chunks_of_a_city_are_an_advance_there(lex: Lexicon) -> None:
    found = one("The rebels seized large chunks of the town of Marea on Tuesday.", lex)
    assert (found.type, found.place_name) == ("advance", "Marea")


def test_neighbourhoods_of_a_city_are_an_advance_but_named_ones_are_captured(lex: Lexicon) -> None:
    assert one("Government troops captured several neighbourhoods of Homs.", lex).type == "advance"
    found = events("Government troops captured the neighbourhoods of Bab Amr and Inshaat.", lex)
    assert {(f.type, f.place_name) for f in found} == {("capture", "Bab Amr"), ("capture", "Inshaat")}


def test_an_advance_and_an_encirclement_at_one_place_both_stay(lex: Lexicon) -> None:
    found = events("The army seized parts of Tadmur, while also encircling the militants still holding "
                   "the old quarter.", lex)
    assert {f.type for f in found if f.place_name == "Tadmur"} == {"advance", "encirclement"}


def test_a_capture_after_clashes_is_one_capture(lex: Lexicon) -> None:
    found = events("The army captured Kinsabba after fierce clashes with the rebels.", lex)
    assert [(f.type, f.place_name) for f in found] == [("capture", "Kinsabba")]


def test_an_advance_into_a_place_it_took_is_the_capture(lex: Lexicon) -> None:
    found = events("The army advanced into the town of Kinsabba and captured the town.", lex)
    assert [f.type for f in found] == ["capture"]


def test_hills_east_of_a_town_are_an_advance_near_it_never_at_it(lex: Lexicon) -> None:
    found = [f for f in events("The army liberated the village of Umm Mayal as well as several hills "
                               "north of Sukhnah.", lex) if f.place_name != "Umm Mayal"]
    assert len(found) == 1 and found[0].type == "advance"
    assert found[0].place is None and found[0].place_name is None
    # round 12: the description leads, then how it is located (described.py)
    assert found[0].location.located_by.startswith("several hills north of Sukhnah: about 10 km north of")
    sukhnah = lex.gazetteer.lookup("Sukhnah")
    assert sukhnah is not None and found[0].location.lat > sukhnah.lat


def test_territory_in_governorates_is_one_advance_over_the_area_they_span(lex: Lexicon) -> None:
    found = one("The Syrian Arab Army has seized hundreds of kilometers of territory from ISIS in the "
                "Homs and Deir Ezzor governorates over the last few weeks.", lex, "2017-06-30")
    assert (found.type, found.place) == ("advance", "syrian-desert")  # the store's region they span
    assert found.location.precision_km >= 100
    assert (found.date, found.date_precision) == ("2017-06-01", "month")


def test_territory_in_governorates_without_a_region_stands_at_their_joint_centre(lex: Lexicon) -> None:
    found = one("Rebels seized 300 square kilometers of territory in the Idlib and Hama provinces.", lex)
    assert found.type == "advance" and found.place is None
    assert "the area they span" in found.location.located_by
    assert 35.2 < found.location.lat < 35.8 and 36.6 < found.location.lon < 37.0
