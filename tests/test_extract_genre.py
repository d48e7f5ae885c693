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
