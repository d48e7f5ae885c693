"""Issue 17, round 10: the acting side when the sentence names none (the wire story names the actor once
and then narrates), and two misreadings of who acts. Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import actors, at, events, lex, roles

__all__ = ["lex"]




# -- a pronoun or definite generic takes the last named side that fits it ---------------------------------

def test_bare_troops_take_the_last_named_actor(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar on Monday. State media said troops were "
            "also pushing "
            "ahead in the village of Tal Harir.")
    found = at(text, lex, "Tal Harir")
    assert actors(found) == {"saa"}, found.why
    assert "the last named side that fits" in found.why["factions"]


def test_the_militants_are_the_last_named_side_outside_the_government(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar from ISIS on Monday. The militants shelled "
            "the village "
            "of Tal Harir.")
    assert actors(at(text, lex, "Tal Harir")) == {"isis"}


def test_bare_militants_take_no_side(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar from ISIS on Monday. Militants shelled the "
            "village of Tal Harir.")
    assert not actors(at(text, lex, "Tal Harir"))


def test_the_rebels_are_the_last_named_opposition_side(lex: Lexicon) -> None:
    text = ("Turkish-backed rebel factions captured the village of Kafr Ammar. The rebels then stormed the "
            "village of Tal Harir.")
    assert actors(at(text, lex, "Tal Harir")) == {"syrian-opposition"}


def test_units_of_a_side_are_that_sides(lex: Lexicon) -> None:
    text = ("ISIS attacked the village of Kafr Nabl on Sunday. Units of the SDF, an alliance led by the "
            "Kurdish People's Protection Units (YPG), encircled the village of Tal Harir on Monday.")
    assert actors(at(text, lex, "Tal Harir")) == {"sdf"}


# -- a sentence with no side and an event word takes the discourse's actor --------------------------------

def test_no_side_takes_the_previous_sentences_actor(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar on Monday. Heavy shelling hit the village "
            "of Tal Harir "
            "on Tuesday.")
    found = at(text, lex, "Tal Harir")
    assert actors(found) == {"saa"}
    assert "actor from the previous sentence" in found.why["factions"]


def test_no_side_takes_the_paragraphs_actor(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar on Monday. The village lies on the road to "
            "the coast. "
            "Heavy shelling hit the village of Tal Harir on Tuesday.")
    found = at(text, lex, "Tal Harir")
    assert actors(found) == {"saa"}
    assert "actor from the paragraph" in found.why["factions"]


def test_no_side_takes_the_leads_actor(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar on Monday.\n\nThe village lies on the road "
            "to the coast."
            "\n\nHeavy shelling hit the village of Tal Harir on Tuesday.")
    found = at(text, lex, "Tal Harir")
    assert actors(found) == {"saa"}
    assert "actor from the lead" in found.why["factions"]


def test_no_side_takes_the_headlines_actor(lex: Lexicon) -> None:
    text = ("Syrian army storms villages in rural Hama\n\nHeavy shelling pounded the village of Kafr "
            "Ammar on Monday.")
    found = at(text, lex, "Kafr Ammar")
    assert actors(found) == {"saa"}
    assert "actor from the headline" in found.why["factions"]


def test_no_side_after_two_sides_fought_stays_without_one(lex: Lexicon) -> None:
    for fight in ("Clashes broke out between the army and ISIS in the village of Kafr Ammar.",
                  "The army fought ISIS in the village of Kafr Ammar."):
        text = f"The army captured the village of Jubb Safa on Monday. {fight} Heavy shelling hit Tal Harir."
        assert not actors(at(text, lex, "Tal Harir"))


def test_an_airstrike_is_carried_only_from_a_side_that_flies(lex: Lexicon) -> None:
    ground = "The army captured the village of Kafr Ammar. Airstrikes hit the village of Tal Harir."
    assert not actors(at(ground, lex, "Tal Harir"))
    air = ("Russian warplanes struck the village of Kafr Ammar. Further airstrikes hit the village "
           "of Tal Harir.")
    assert actors(at(air, lex, "Tal Harir")) == {"russian-aerospace-forces"}


def test_a_subject_the_rules_do_not_know_is_not_replaced(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar. The Turkish occupation launched attacks on the "
            "village of Tal Harir. Similar attacks were launched on the village of Jubb Safa.")
    assert not actors(at(text, lex, "Tal Harir"))
    assert not actors(at(text, lex, "Jubb Safa"))  # the happening before was by that unknown side


def test_the_certainty_stays_the_sentences_own(lex: Lexicon) -> None:
    text = ("The army captured the village of Kafr Ammar on Monday, SANA said. Heavy shelling hit "
            "the village "
            "of Tal Harir on Tuesday.")
    found = at(text, lex, "Tal Harir")
    assert actors(found) == {"saa"}
    assert found.certainty == "confirmed", found.why


# -- a parenthetical ally; one side never both actor and target -------------------------------------------

def test_an_ally_in_quotes_between_dashes_is_on_the_actors_side(lex: Lexicon) -> None:
    for text in ("The SAA – backed by the “Tiger Forces” – captured the village of Kafr Ammar.",
                 "The SAA, supported by \"Tiger Forces\", captured the village of Kafr Ammar.",
                 "The SAA (alongside the 'Tiger Forces') captured the village of Kafr Ammar."):
        found = at(text, lex, "Kafr Ammar")
        assert "Tiger Forces" in roles(found).get("ally", set()), found.why
        assert "Tiger Forces" not in roles(found).get("target", set())


def test_a_clause_after_a_semicolon_is_no_main_clause_of_an_opening_phrase(lex: Lexicon) -> None:
    text = ("Following yesterday's assault which enabled the government forces to oust ISIS from the "
            "village of Kafr Ammar, the attacking forces marched on eastward and retook Tal Harir; thus "
            "tightening the noose around the Islamic State fighters in Kafr Nabl.")
    found = at(text, lex, "Tal Harir")
    assert actors(found) == {"saa"}, found.why
    assert "isis" not in actors(found)


def test_one_side_is_never_both_actor_and_target(lex: Lexicon) -> None:
    text = ("Following the liberation of the village of Kafr Ammar, the SAA and the NDF secured the village "
            "of Tal Harir.")
    for found in events(text, lex):
        actors = {s for s, r in found.factions if r == "actor"}
        targets = {s for s, r in found.factions if r == "target"}
        assert actors == {"saa", "ndf"} and not actors & targets, found.why
