"""Issue 17, round 9: mechanisms counted over the misses of two blind splits, each with sentences written for
the test (none copied from a report)."""

from __future__ import annotations

import pytest
from sitroom.db.geography import atlas
from sitroom.db.reports.extract import Found, Lexicon

from .extract_helpers import events, lex, one, roles

__all__ = ["lex"]


# -- certainty: who says it, when the sayer is a person with a rank or a monitor observing --------------

@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Colonel Omar Haddad said his fighters have recaptured the village of Kafr Ammar.",
     "Colonel Omar Haddad"),
    ("Brigadier Salim Azar told reporters the army shelled Tal Harir overnight.", "Brigadier Salim Azar"),
    ("Sheikh Nawaf Bashir said the army stormed Jubb Safa on Monday.", "Sheikh Nawaf Bashir"),
])
def test_a_person_with_a_rank_is_a_sayer(lex: Lexicon, sentence: str, claimant: str) -> None:
    found = one(sentence, lex)
    assert found.certainty == "claimed", found.why
    assert claimant in roles(found).get("claimant", set()), found.parties


@pytest.mark.parametrize("sentence", [
    "The Observatory documented the death of six people in airstrikes on the village of Kafr Ammar on "
    "Monday.",
    "Warplanes struck rebel-held areas of the province, where the monitor recorded raids on the village of "
    "Tal Harir.",
])
def test_what_a_monitor_observed_is_its_claim(lex: Lexicon, sentence: str) -> None:
    found = events(sentence, lex)
    assert found and all(f.certainty == "claimed" for f in found), [f.why for f in found]
    assert all("Syrian Observatory for Human Rights" in roles(f).get("claimant", set()) for f in found)


def test_a_side_that_records_nothing_is_no_claimant(lex: Lexicon) -> None:
    found = one("The army captured the village of Kafr Ammar, where it recorded heavy losses.", lex)
    assert found.certainty == "confirmed", found.why


def test_a_statement_introduced_by_a_colon_is_its_sayers_claim(lex: Lexicon) -> None:
    text = ("The Syrian Democratic Forces issued a statement on Monday.\n\nThe statement read:\n\n"
            "\"The occupation army shelled the village of Kafr Ammar with heavy weapons.\n\n"
            "Its drones struck the village of Tal Harir at dawn.\"\n\n"
            "The army captured the village of Jubb Safa on Tuesday.")
    found = {f.place_name: f for f in events(text, lex)}
    assert found["Kafr Ammar"].certainty == found["Tal Harir"].certainty == "claimed"
    assert "Syrian Democratic Forces" in " ".join(roles(found["Tal Harir"]).get("claimant", set()))
    assert found["Jubb Safa"].certainty == "confirmed"  # the quotation closed before it


# -- the means named after the verb: "pounded X with air strikes" ------------------------------------------

def _inside(found: Found, governorate: str) -> bool:
    area, where = atlas().region("Syria", governorate), found.location
    return area is not None and where.lat is not None and where.lon is not None and \
        area.contains(where.lon, where.lat)


@pytest.mark.parametrize("sentence", [
    "The coalition pounded the village of Kafr Ammar with air strikes on Monday.",
    "Government forces hammered the village of Kafr Ammar with barrel bombs overnight.",
    "Extensive aerial raids hit the village of Kafr Ammar on Monday.",
])
def test_strikes_named_as_the_means_are_airstrikes(lex: Lexicon, sentence: str) -> None:
    found = one(sentence, lex)
    assert (found.type, found.place_name) == ("airstrike", "Kafr Ammar"), found.why


def test_a_striking_verb_takes_the_regions_before_its_means(lex: Lexicon) -> None:
    found = events("Russian jets slammed eastern Hama and northern Idlib with air strikes on Monday.", lex)
    assert [(f.type, f.place_name) for f in found] == [("airstrike", "eastern Hama"),
                                                       ("airstrike", "northern Idlib")]
    assert _inside(found[0], "Hama") and _inside(found[1], "Idlib"), [f.location for f in found]


def test_a_storm_that_battered_the_coast_is_no_strike(lex: Lexicon) -> None:
    assert events("A storm battered the camps near Atmeh with strong winds on Monday.", lex) == []


# -- a happening stated only in a relative clause: "X, which Syrian troops entered last week" ---------------

@pytest.mark.parametrize(("sentence", "kind"), [
    ("The displaced fled toward the village of Kafr Ammar, which government troops entered on Sunday.",
     "advance"),
    ("Shells fell near the town of Kafr Ammar, which rebels took from government forces late on Friday.",
     "capture"),
])
def test_a_relative_clause_states_a_happening_at_its_antecedent(lex: Lexicon, sentence: str,
                                                               kind: str) -> None:
    found = [f for f in events(sentence, lex) if f.type == kind]
    assert [f.place_name for f in found] == ["Kafr Ammar"], [(f.type, f.place_name) for f in found]


@pytest.mark.parametrize("sentence", [
    "Rebels shelled the village of Tal Harir, which the army captured in 2015.",
    "Rebels shelled the Kafr Ammar crossing, which connects liberated areas with occupied ones.",
])
def test_a_relative_clause_of_background_or_description_states_none(lex: Lexicon, sentence: str) -> None:
    assert not [f for f in events(sentence, lex) if f.type in ("capture", "advance")]


# -- countable unnamed places: "the villages of X", "villages near the M4 road", "a rebel-held air base" -----

def test_the_villages_of_one_place_are_its_unnamed_villages(lex: Lexicon) -> None:
    found = one("The army shelled the villages of Manbij on Monday.", lex)
    assert found.unnamed and found.place is None and found.place_name is None, found.why
    assert found.location.lat is not None and "Manbij" in found.location.located_by


def test_the_villages_of_a_list_name_each(lex: Lexicon) -> None:
    found = events("The army shelled the villages of Tal Harir and Kafr Ammar on Monday.", lex)
    assert [f.place_name for f in found] == ["Tal Harir", "Kafr Ammar"]


def test_unnamed_villages_listed_after_a_means_are_each_an_event(lex: Lexicon) -> None:
    found = events("Turkish forces launched attacks using drones and artillery on the villages of Manbij and "
                   "villages near the M4 highway on Monday.", lex)
    assert len(found) == 2 and all(f.unnamed and f.type == "attack" for f in found), \
        [(f.type, f.why["place"]) for f in found]


def test_an_air_base_left_unnamed_is_an_unnamed_place(lex: Lexicon) -> None:
    found = one("Government troops are advancing on a sprawling rebel-held air base in Idlib.", lex)
    assert found.unnamed and found.type == "advance", found.why


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("Furthermore, in order to widen their gains, the army shelled the village of Kafr Ammar on Monday.",
     ["shelling"]),
    ("The army shelled the village of Kafr Ammar on Monday in order to capture the village of Tal Harir.",
     ["shelling"]),
])
def test_a_fronted_purpose_ends_at_its_comma(lex: Lexicon, sentence: str, kinds: list[str]) -> None:
    assert [f.type for f in events(sentence, lex)] == kinds


# -- background, descriptions and denials read as events -----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The SDF says it has captured a western neighbourhood of Manbij after two days of fighting.",
    "The SDF says it has captured a western neighbourhood of Manbij after 13 days of heavy street fighting.",
])
def test_fighting_counted_in_days_before_a_capture_is_how_it_came_about(lex: Lexicon, sentence: str) -> None:
    assert "clashes" not in [f.type for f in events(sentence, lex)]


def test_fighting_positions_are_positions(lex: Lexicon) -> None:
    found = one("Coalition jets struck ISIS fighting positions near the village of Kafr Ammar.", lex)
    assert found.type == "airstrike", found.why


def test_a_sentence_opened_by_since_a_month_sums_up_a_period(lex: Lexicon) -> None:
    assert events("Since Iran sent advisers in March, government forces made big advances in the regions "
                  "surrounding Hama.", lex) == []


@pytest.mark.parametrize("sentence", [
    "Reports that the SDF retook the village of Kafr Ammar are false.",
    "The capture of the town of Kafr Ammar by the army is now imminent.",
])
def test_a_denied_report_or_an_imminent_capture_states_none(lex: Lexicon, sentence: str) -> None:
    assert events(sentence, lex) == []


# -- one place spelt two ways in one text --------------------------------------------------------------------

def test_a_place_spelt_two_ways_answers_to_the_first_spelling(lex: Lexicon) -> None:
    found = events("Turkish drones struck the village of al-Taweela on Monday. Turkish artillery then "
                   "shelled the village of al-Tawila.", lex)
    assert [f.place_name for f in found] == ["al-Taweela", "al-Tawila"]  # each as written
    assert "al-Taweela" in found[1].names, found[1].names


def test_a_different_place_keeps_its_own_names(lex: Lexicon) -> None:
    found = events("Turkish drones struck the village of al-Taweela on Monday. Turkish artillery then "
                   "shelled the village of Kafr Ammar.", lex)
    assert "al-Taweela" not in found[1].names


@pytest.mark.parametrize("sentence", ["Militants pulled back from the village of Kafr Ammar Friday.",
                                      "The army captured Kafr Ammar Friday."])
def test_a_day_after_a_name_is_not_part_of_it(lex: Lexicon, sentence: str) -> None:
    assert one(sentence, lex).place_name == "Kafr Ammar"


# -- a region that is the event word's own object is no summary of the places named beside it -------------

def test_an_advance_in_a_region_stands_beside_the_villages_taken_there(lex: Lexicon) -> None:
    found = events("Government forces are rapidly advancing in the western countryside of Aleppo. On Monday "
                   "they captured the villages of Kafr Ammar and Tal Harir.", lex)
    assert [(f.type, f.place_name) for f in found] == [
        ("advance", "the western countryside of Aleppo"), ("capture", "Kafr Ammar"), ("capture", "Tal Harir")]


def test_a_region_holding_a_sides_positions_still_sums_up_the_raid_named_next(lex: Lexicon) -> None:
    found = events("An ISIS attack on SDF positions in eastern Deir Ezzor killed two fighters. ISIS "
                   "militants raided an SDF post in the village of Al-Zir.", lex)
    assert [f.place_name for f in found] == ["Al-Zir"]


def test_a_place_that_witnessed_shelling_is_its_place(lex: Lexicon) -> None:
    found = one("The western countryside of Aleppo witnessed heavy shelling on Monday.", lex)
    assert found.type == "shelling" and found.place_name == "The western countryside of Aleppo"
    assert _inside(found, "Aleppo"), found.location


def test_shooting_down_an_aircraft_is_an_attack(lex: Lexicon) -> None:
    found = one("Rebels downed a Syrian helicopter near the village of Kafr Ammar.", lex)
    assert (found.type, found.place_name) == ("attack", "Kafr Ammar")


def test_a_count_after_a_hedge_word_is_the_count(lex: Lexicon) -> None:
    text = ("Rebels captured the village of Kafr Ammar on Monday. Rebels said they had captured some 15 "
            "villages.")
    found = events(text, lex)
    assert [f.count for f in found if f.unnamed] == [15], [(f.place_name, f.why["place"]) for f in found]


def test_the_past_day_is_the_reports_own_period(lex: Lexicon) -> None:
    found = one("Government jets bombed the village of Kafr Ammar in the past 24 hours.", lex)
    assert found.type == "airstrike", found.why
    assert events("Government jets bombed the village of Kafr Ammar in the past.", lex) == []


@pytest.mark.parametrize("sentence", [
    "Government forces reclaimed overnight the villages of Kafr Ammar and Tal Harir.",
    "The monitor said SDF fighters now control the village of Kafr Ammar and the village of Tal Harir.",
])
def test_reclaiming_and_a_present_hold_are_captures(lex: Lexicon, sentence: str) -> None:
    found = events(sentence, lex)
    assert [(f.type, f.place_name) for f in found] == [("capture", "Kafr Ammar"), ("capture", "Tal Harir")]


def test_a_side_in_control_of_its_own_forces_is_no_capture(lex: Lexicon) -> None:
    assert events("The army now controls its forces near Kafr Ammar through a new command.", lex) == []


# -- a list whose item carries where it lies: "A, southeast of Daraa, B and C" ------------------------------

@pytest.mark.parametrize("sentence", [
    "Government forces seized Kafr Ammar, southeast of Daraa, Tal Harir and Jubb Safa.",
    "Government forces seized the area of Kafr Ammar, southeast of Daraa, Tal Harir and Jubb Safa.",
])
def test_a_list_runs_on_past_an_items_bearing(lex: Lexicon, sentence: str) -> None:
    assert [f.place_name for f in events(sentence, lex)] == ["Kafr Ammar", "Tal Harir", "Jubb Safa"]


def test_a_reference_behind_a_sides_stronghold_stays_a_reference(lex: Lexicon) -> None:
    found = events("Another village south of the ISIS stronghold of Kafr Ammar was recaptured on Monday.",
                   lex)
    assert "Kafr Ammar" not in [f.place_name for f in found]


def test_a_line_cut_off_mid_clause_is_prose_not_a_title(lex: Lexicon) -> None:
    text = ("Army Advances Near Hama\n\nAt least nine civilians were killed in airstrikes on the town of "
            "Kafr Ammar as")
    assert [(f.type, f.place_name) for f in events(text, lex)] == [("airstrike", "Kafr Ammar")]


def test_a_short_title_is_still_a_title(lex: Lexicon) -> None:
    found = events("Airstrikes on Kafr Ammar\n\nThe army captured the village of Tal Harir.", lex)
    assert [f.place_name for f in found] == ["Tal Harir"]


def test_a_governorate_written_with_a_capital_noun_is_the_governorate(lex: Lexicon) -> None:
    assert events("The army shelled rebel positions in Daraa Province on Monday.", lex) == []
    found = one("The army captured the village of Kafr Ammar in Hama Province on Monday.", lex)
    assert found.place_name == "Kafr Ammar" and _inside(found, "Hama"), found.location


def test_the_surroundings_of_a_city_listed_after_a_village_are_an_item(lex: Lexicon) -> None:
    found = events("Government warplanes bombed places in Kafr Ammar, the surroundings of Hama city, and "
                   "other places in the area.", lex)
    assert [f.place_name for f in found] == ["Kafr Ammar", "Hama city"]
    inside = events("Government warplanes bombed the village of Kafr Ammar in Hama city.", lex)
    assert [f.place_name for f in inside] == ["Kafr Ammar"]  # a city after "in" still contains


def test_ground_taken_between_two_places_is_at_both(lex: Lexicon) -> None:
    found = events("The army captured approximately 700 meters of territory between Kafr Ammar and "
                   "Tal Harir.", lex)
    assert [(f.type, f.place_name) for f in found] == [("advance", "Kafr Ammar"), ("advance", "Tal Harir")]


def test_forces_approaching_a_place_advance_on_it(lex: Lexicon) -> None:
    found = one("Government forces are approaching the town of Kafr Ammar from different directions.", lex)
    assert (found.type, found.place_name) == ("advance", "Kafr Ammar")
    assert events("As winter approaches, displaced families in Kafr Ammar lack fuel.", lex) == []


@pytest.mark.parametrize("sentence", [
    "On Monday, a Reuters journalist entered the town of Kafr Ammar with SDF fighters.",
    "Hundreds of displaced families reached the village of Kafr Ammar on Monday.",
])
def test_a_reporter_or_civilians_moving_is_no_advance(lex: Lexicon, sentence: str) -> None:
    assert [f for f in events(sentence, lex) if f.type == "advance"] == []
