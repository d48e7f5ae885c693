"""Issue 17, round 12: events told the analysts' way (fresh10's misses): a loss to another side of a place
whose name opens with its lowercase article, a passive whose "by" names the weapon or the happening, the
dead of a toll as the target of the strikes that killed them, offensives (plural) against a side in a list
of places, and a participle's clause after the list. Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Lexicon

from .extract_helpers import actors, at, events, lex, roles

__all__ = ["lex"]


def _found(text: str, lex: Lexicon) -> set[tuple[str, str | None]]:
    return {(f.type, f.place_name) for f in events(text, lex)}


# -- "lost X to Y" ------------------------------------------------------------------------------------------

def test_a_loss_of_a_place_named_with_its_article_is_the_winners_capture(lex: Lexicon) -> None:
    e = at("The jihadists lost al-Qaryatayn to government troops on Friday.", lex, "al-Qaryatayn")
    assert e.type == "capture"
    assert actors(e) == {"saa"}
    assert "jihadists" in roles(e)["target"]


def test_a_loss_to_a_winner_the_rules_do_not_know_takes_no_actor_from_before(lex: Lexicon) -> None:
    e = at("Rebels attacked Deir ez Zour on Monday. ISIS also lost Raqqa to Operation Wrath of Euphrates on "
           "February 23.", lex, "Raqqa")
    assert e.type == "capture"
    assert actors(e) == set()


# -- passives ----------------------------------------------------------------------------------------------

def test_a_place_impacted_by_shelling_is_where_the_shelling_fell(lex: Lexicon) -> None:
    assert _found("Kafr Nabl town was impacted by artillery shelling on Tuesday.", lex) == \
        {("shelling", "Kafr Nabl town")}


def test_struck_by_a_rocket_is_shelling(lex: Lexicon) -> None:
    assert at("The village of Tal Rifaat was struck by a rocket on Monday.", lex, "Tal Rifaat").type == \
        "shelling"


# -- the dead of a toll ------------------------------------------------------------------------------------

def test_the_dead_are_the_target_and_the_strikes_side_the_actor(lex: Lexicon) -> None:
    e = at("Eight IS militants were killed on Friday in coalition air strikes on Maskanah.", lex, "Maskanah")
    assert e.type == "airstrike"
    assert actors(e) == {"us-coalition"}
    assert ("isis", "target") in e.factions


def test_the_dead_of_airstrikes_by_a_country_are_not_their_actor(lex: Lexicon) -> None:
    e = at("Eight IS militants were killed on Friday in Russian airstrikes on Maskanah.", lex, "Maskanah")
    assert "isis" not in actors(e)


def test_the_dead_who_attacked_keep_their_attack(lex: Lexicon) -> None:
    e = at("Five ISIS militants were killed as they attacked Maskanah on Friday.", lex, "Maskanah")
    assert actors(e) == {"isis"}


# -- offensives against a side in a list of places ---------------------------------------------------------

def test_offensives_against_a_side_are_one_attack_per_listed_place(lex: Lexicon) -> None:
    found = _found("The rebels launched offensives against the regime in Latakia and Hama on Monday.", lex)
    assert found == {("attack", "Latakia"), ("attack", "Hama")}


def test_a_participles_clause_after_the_list_is_not_one_of_its_places(lex: Lexicon) -> None:
    found = _found("The rebels launched offensives against the regime in Latakia and Hama in May, exploiting "
                   "the regime's focus on Aleppo.", lex)
    assert found == {("attack", "Latakia"), ("attack", "Hama")}


def test_a_participle_that_names_where_it_struck_keeps_its_place(lex: Lexicon) -> None:
    assert ("vbied", "Al-Hitash village") in _found(
        "At least one SVBIED struck rural Raqqa today, hitting the newly liberated Al-Hitash village.", lex)


# -- "the orchards surrounding X" ----------------------------------------------------------------------------

def test_land_surrounding_a_place_is_where_not_a_siege(lex: Lexicon) -> None:
    found = _found("Syrian troops stormed the farms surrounding Kafr Nabl on Friday.", lex)
    assert found == {("attack", "Kafr Nabl")}


def test_surrounding_a_place_is_still_a_siege(lex: Lexicon) -> None:
    assert _found("Syrian troops completed surrounding Kafr Nabl on Friday.", lex) == \
        {("encirclement", "Kafr Nabl")}
