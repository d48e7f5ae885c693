"""Issue 17, round 13: sentences that tell no happening of their own — a cause told for a consequence, a
side described, a definition, civilians moving — and lines that are a title or a caption. Sentences
written for the test; each fails without its rule, and each has a stated event beside it that stays."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon
from sitroom.db.reports.sentences import sentences

from .extract_helpers import events, lex

__all__ = ["lex"]


def _places(text: str, lex: Lexicon) -> set[tuple[str | None, str]]:
    return {(e.place_name, e.type) for e in events(text, lex)}


# -- a cause told for a consequence ------------------------------------------------------------------------

def test_a_cause_without_a_place_of_its_own_lends_none_of_the_consequence_s_places(lex: Lexicon) -> None:
    text = ("On Monday, markets were closed across the north because of shelling, and the local council shut "
            "the bakeries in Saraqib and Binnish to protect the workers.")
    assert not _places(text, lex)


def test_a_cause_with_its_own_place_is_still_a_happening(lex: Lexicon) -> None:
    text = "On Monday, the bakeries were closed as a result of shelling on Saraqib."
    assert ("Saraqib", "shelling") in _places(text, lex)


# -- a side described: its record, not the news -------------------------------------------------------------

def test_a_sentence_that_opens_describing_a_side_is_its_record(lex: Lexicon) -> None:
    text = ("The SDF is backed by the US-led coalition and fought Islamic State in Raqqa, Tabqa and Manbij "
            "in northern Syria.")
    assert not _places(text, lex)


def test_a_side_viewed_as_another_tells_no_fight(lex: Lexicon) -> None:
    text = ("Ankara views the YPG as a branch of the Kurdistan Workers' Party, which has fought Turkish "
            "forces in Diyarbakir for decades.")
    assert not _places(text, lex)


def test_a_described_side_that_acts_on_a_named_day_is_news(lex: Lexicon) -> None:
    text = "The SDF is backed by the US-led coalition and captured the town of Tabqa on Monday."
    assert ("Tabqa", "capture") in _places(text, lex)


def test_a_side_described_in_a_relative_clause_leaves_the_main_clause_s_event(lex: Lexicon) -> None:
    text = "Islamic State fighters attacked the SDF, which is backed by the US-led coalition, in Hajin."
    assert ("Hajin", "attack") in _places(text, lex)


# -- a definition of whom the sentence lists -----------------------------------------------------------------

def test_the_groups_fighting_somewhere_are_a_list_of_who_not_a_battle(lex: Lexicon) -> None:
    text = "The main factions fighting the army in Daraa include Jaysh al-Islam and Ahrar al-Sham."
    assert not _places(text, lex)


def test_factions_that_fought_somewhere_are_a_happening(lex: Lexicon) -> None:
    text = "Rebel factions fought the army in Daraa on Monday."
    assert ("Daraa", "clashes") in _places(text, lex)


# -- civilians moving are no side's advance ----------------------------------------------------------------

def test_people_who_reach_a_place_are_not_an_advance(lex: Lexicon) -> None:
    text = "Some 3000 residents were said to have reached the village of Tal Rifaat on Monday."
    assert not _places(text, lex)


def test_troops_who_reach_a_place_advance(lex: Lexicon) -> None:
    text = "Government troops reached the village of Tal Rifaat on Monday."
    assert ("Tal Rifaat", "advance") in _places(text, lex)


# -- a title glued to its lead; a wire photo's caption ------------------------------------------------------

def test_a_title_glued_to_its_lead_is_a_headline_of_its_own() -> None:
    said = sentences("Army Troops Surround Rebels in Daraa: SourcesThe army seized two hills near the town "
                     "of Nawa on Monday, state media said.")
    assert [(s.headline, s.text[:20]) for s in said] == [(True, "Army Troops Surround"),
                                                       (False, "The army seized two ")]


def test_a_glued_title_does_not_lend_its_happening(lex: Lexicon) -> None:
    text = ("Army Troops Surround Rebels in Daraa: SourcesThe army seized two hills near the town of Nawa on "
            "Monday, state media said.")
    assert ("Daraa", "encirclement") not in _places(text, lex)


def test_a_name_glued_inside_prose_is_no_title() -> None:
    said = sentences("A source close to the Tiger Forces told SouthFront that the army took the town of "
                     "Nawa.")
    assert [s.headline for s in said] == [False]


def test_a_caption_ending_on_place_country_and_date_is_set_aside(lex: Lexicon) -> None:
    text = ("The army shelled the town of Nawa on Monday.\n\n"
            "Fighters wave a flag after capturing the town of Jasim, Syria July 2, 2018.")
    assert _places(text, lex) == {("Nawa", "shelling")}


def test_a_caption_with_the_agency_s_credit_is_set_aside(lex: Lexicon) -> None:
    text = ("The army shelled the town of Nawa on Monday.\n\n"
            "Soldiers of the Syrian army wave their flag in a square in the southern province of Daraa after "
            "they captured the town of Jasim from the rebels on Sunday. REUTERS/Omar Sanadiki")
    assert _places(text, lex) == {("Nawa", "shelling")}


def test_prose_that_ends_on_a_weekday_and_a_date_is_no_caption(lex: Lexicon) -> None:
    text = "The army captured the town of Jasim, the ministry said on Monday, July 2, 2018."
    assert ("Jasim", "capture") in _places(text, lex)


# -- a battle by its name is the setting ---------------------------------------------------------------------

def test_a_battle_by_its_name_is_the_setting_of_what_the_sentence_tells(lex: Lexicon) -> None:
    text = ("Local tribes have sent hundreds of men to help the army in the battle for Mayadin, an official "
            "said.")
    assert not _places(text, lex)


def test_a_named_battle_that_rages_is_a_happening(lex: Lexicon) -> None:
    text = "The battle for Mayadin raged on Monday as the army pushed into the town."
    assert ("Mayadin", "clashes") in _places(text, lex)


def test_battles_over_villages_with_a_toll_stay_a_happening(lex: Lexicon) -> None:
    text = "Six fighters were killed in battles over the village of Kabani since Sunday, the monitor said."
    assert ("Kabani", "clashes") in _places(text, lex)
