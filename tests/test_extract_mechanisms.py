"""Issue 17, round 8: classes of wording across publishers, each with sentences written for the test (none
copied from a report): layout before sentences, happenings stated by their toll, sides named by a
country, context carried across sentences, background and future in subordinate clauses."""

from __future__ import annotations

import pytest
from sitroom.db.reports.extract import Lexicon
from sitroom.db.reports.sentences import sentences

from .extract_helpers import events, lex, one

__all__ = ["lex"]


def _acting(found) -> set[str]:
    return {slug for slug, role in found.factions if role in ("actor", "ally")}


# -- 1. layout: rule lines, field labels, glued photo credits, date-and-agency datelines --------------

def test_a_rule_line_ends_a_page_header() -> None:
    text = ("Daily Levant 3 Jul 2017 Mon, 03 Jul 2017 09:10:11 +0000 ---------- Title : Army Gains Near "
            "Hama ---------- The army captured the village of Kafr Ammar on Monday.")
    found = [s for s in sentences(text) if not s.headline]
    assert [s.text for s in found] == ["The army captured the village of Kafr Ammar on Monday."]


def test_a_field_label_is_not_part_of_the_sentence(lex: Lexicon) -> None:
    found = one("Text : Government troops stormed the village of Kafr Ammar on Monday.", lex)
    assert found.sentence.startswith("Government troops") and found.place_name == "Kafr Ammar"


@pytest.mark.parametrize("text", [
    "Smoke rises over the village of Kafr Ammar on 3 July 2017Jane Doe/AFPFighters walk past the ruins of "
    "Tal Harir on 3 July 2017John Roe/Reuters",
    "Smoke rises after shelling of the village of Kafr Ammar on 3 July 2017 (Jane Doe/Getty Images)",
])
def test_glued_photo_captions_are_set_aside(lex: Lexicon, text: str) -> None:
    assert events(text + "\nThe army captured the village of Jubb Safa on Monday.", lex)[0].place_name \
        == "Jubb Safa"
    assert len(events(text + "\nThe army captured the village of Jubb Safa on Monday.", lex)) == 1


@pytest.mark.parametrize("text", [
    "04 Jul 2017; LEVANT24: Syrian warplanes on Monday struck the village of Kafr Ammar.",
    "date 2017-07-04 Syrian warplanes on Monday struck the village of Kafr Ammar.",
])
def test_a_date_and_agency_dateline_is_taken_off(lex: Lexicon, text: str) -> None:
    found = one(text, lex)
    assert (found.type, found.place_name, _acting(found)) == ("airstrike", "Kafr Ammar", {"saa"})
    assert found.sentence.startswith("Syrian warplanes")


# -- 2. happenings stated by their toll or their outcome ------------------------------------------------

@pytest.mark.parametrize("sentence, kind", [
    ("Russian jets killed six civilians in the village of Kafr Ammar on Monday.", "airstrike"),
    ("Warplanes killed at least nine people in the town of Tal Harir.", "airstrike"),
    ("Government helicopters killed two children in Jubb Safa, activists said.", "airstrike"),
    ("Army artillery killed three civilians in the village of Kafr Ammar.", "shelling"),
])
def test_a_toll_by_aircraft_or_guns_is_a_strike(lex: Lexicon, sentence: str, kind: str) -> None:
    assert one(sentence, lex).type == kind


@pytest.mark.parametrize("sentence", [
    "Six soldiers were killed in clashes in the village of Kafr Ammar on Monday.",
    "At least twelve militants died in fighting near Tal Harir.",
])
def test_a_toll_of_fighting_is_the_fighting(lex: Lexicon, sentence: str) -> None:
    assert one(sentence, lex).type == "clashes"


@pytest.mark.parametrize("sentence", [
    "A child was killed in the village of Kafr Ammar after a raid by Syrian aircraft.",
    "Helicopters dropped barrel bombs on the town of Tal Harir, killing four people.",
])
def test_a_raid_by_aircraft_or_dropped_bombs_is_an_airstrike(lex: Lexicon, sentence: str) -> None:
    assert one(sentence, lex).type == "airstrike"


def test_a_toll_inside_another_happening_is_not_another_one(lex: Lexicon) -> None:
    found = events("The army captured the village of Kafr Ammar, killing six militants in the fighting.",
                   lex)
    assert [(f.type, f.place_name) for f in found] == [("capture", "Kafr Ammar")]


# -- 3. sides named as countries, demonyms or weapons ----------------------------------------------------

@pytest.mark.parametrize("sentence, acting", [
    ("The Syrian army carried out airstrikes on the village of Kafr Ammar along with Russia.",
     {"saa", "russian-aerospace-forces"}),
    ("Backed by Russian airstrikes, the army captured the village of Kafr Ammar.",
     {"saa", "russian-aerospace-forces"}),
    ("US-led coalition planes struck the town of Tal Harir on Monday.", {"us-coalition"}),
    ("American warplanes bombed the town of Tal Harir on Monday.", {"us-coalition"}),
])
def test_a_country_or_its_weapons_name_its_side(lex: Lexicon, sentence: str, acting: set[str]) -> None:
    assert _acting(one(sentence, lex)) == acting


def test_a_foreign_air_force_without_a_store_faction_is_named(lex: Lexicon) -> None:
    found = one("Turkish jets struck the village of Kafr Ammar on Monday.", lex)
    assert found.type == "airstrike"
    assert any(r == "actor" and "Turk" in name for name, _, r, _ in found.parties)
    assert "saa" not in _acting(found)


def test_a_country_as_a_place_is_no_side(lex: Lexicon) -> None:
    found = one("The army captured the village of Kafr Ammar near the border with Turkey.", lex)
    assert _acting(found) == {"saa"}


# -- 4. context carried across sentences ------------------------------------------------------------------

def test_in_another_attack_keeps_the_type_and_the_actors(lex: Lexicon) -> None:
    found = events("Syrian warplanes struck the village of Kafr Ammar on Monday. In another attack, five "
                   "civilians were killed in the nearby village of Tal Harir.", lex)
    assert [(f.type, f.place_name, _acting(f)) for f in found] == [
        ("airstrike", "Kafr Ammar", {"saa"}), ("airstrike", "Tal Harir", {"saa"})]


def test_a_plural_back_reference_takes_the_places_just_listed(lex: Lexicon) -> None:
    found = events("The army captured the villages of Kafr Ammar and Tal Harir on Monday. Rebels later "
                   "attacked army positions in the two villages.", lex)
    attacks = sorted(f.place_name for f in found if f.type == "attack")
    assert attacks == ["Kafr Ammar", "Tal Harir"]


# -- 5. background and future in subordinate clauses ------------------------------------------------------

def test_a_while_clause_is_background(lex: Lexicon) -> None:
    found = events("While the army was busy fighting rebels in Tal Harir, ISIS captured the village of "
                   "Kafr Ammar.", lex)
    assert [(f.type, f.place_name) for f in found] == [("capture", "Kafr Ammar")]


@pytest.mark.parametrize("sentence", [
    "He said the victory lays the ground for further advances toward Tal Harir.",
    "The capture sets the stage for an assault on Tal Harir.",
    "Officials said it opens the way for new attacks on Tal Harir.",
])
def test_what_a_happening_prepares_is_to_come(lex: Lexicon, sentence: str) -> None:
    assert events(sentence, lex) == []


@pytest.mark.parametrize("sentence", [
    "The rebels are now boxed in, encircled by government territory on all sides.",
    "The town of Tal Harir is surrounded by regime-held areas.",
])
def test_encircled_by_territory_is_a_state(lex: Lexicon, sentence: str) -> None:
    assert events(sentence, lex) == []
