"""Issue 17, round 11: the sides reports name without a faction's name (a country's adjective, "X-backed Y",
a publisher's pejorative, a coalition's own name, the army's aircraft). Sentences written for the test."""

from __future__ import annotations

from sitroom.db.reports.extract import Found, Lexicon
from sitroom.db.reports.parties import AIR, GENERIC

from .extract_helpers import actors, at, events, lex

__all__ = ["lex"]


def _named_actors(found: Found) -> set[tuple[str, str | None]]:
    return {(name, slug) for name, slug, role, _ in found.parties if role == "actor"}


# -- a country's adjective overrides the bare-army default --------------------------------------------------

def test_the_turkish_occupation_army_is_turkeys_not_the_syrian_army(lex: Lexicon) -> None:
    found = at("The Turkish occupation army shelled the village of Tal Harir on Monday.", lex, "Tal Harir")
    assert "saa" not in actors(found), found.why
    assert ("Turkish Armed Forces", None) in _named_actors(found)  # named, unknown: the store has none


def test_turkish_army_aircraft_are_turkeys_aircraft(lex: Lexicon) -> None:
    (p,) = lex.parties.find("Turkish army aircraft bombed the village on Monday.")
    assert (p.text, p.name, p.slug, p.kind) == ("Turkish army aircraft", "Turkish Armed Forces", None, AIR)


def test_its_russian_ally_is_russias_air_force(lex: Lexicon) -> None:
    found = at("The regime and its Russian ally bombed the village of Tal Harir with air strikes.", lex,
                "Tal Harir")
    assert actors(found) == {"saa", "russian-aerospace-forces"}, found.why


# -- the mercenaries: whose, by the sentence's own words ----------------------------------------------------

def test_the_mercenary_groups_of_the_turkish_army_are_turkish_backed_groups(lex: Lexicon) -> None:
    text = "On 6 June, the mercenary groups of the Turkish occupation army shelled the village of Tal Harir."
    found = at(text, lex, "Tal Harir")
    assert not actors(found), found.why
    assert ("Turkish-backed groups", None) in _named_actors(found)


def test_turkish_occupation_mercenaries_are_turkish_backed_groups(lex: Lexicon) -> None:
    found = at("On 7 June, Turkish occupation mercenaries attacked the village of Tal Harir.", lex,
                "Tal Harir")
    assert ("Turkish-backed groups", None) in _named_actors(found), found.parties


def test_its_mercenaries_after_a_turkish_side_are_turkish_backed(lex: Lexicon) -> None:
    parties = lex.parties.find("Clashes broke out between the Turkish Occupation Army and its mercenaries.")
    assert [p.name for p in parties] == ["Turkish Armed Forces", "Turkish-backed groups"]


def test_mercenaries_with_no_owner_in_the_sentence_stay_unknown(lex: Lexicon) -> None:
    (p,) = lex.parties.find("The mercenaries shelled the village at dawn.")
    assert (p.name, p.slug, p.kind) == ("mercenaries", None, GENERIC)


# -- "X-backed Y" is Y ----------------------------------------------------------------------------------

def test_kurdish_led_and_us_backed_forces_are_the_sdf(lex: Lexicon) -> None:
    found = at("Kurdish-led and US-backed forces seized the village of Tal Harir from Islamic State group.",
                lex, "Tal Harir")
    assert actors(found) == {"sdf"}, found.why


def test_us_backed_fighters_are_the_one_ground_side_of_the_us_bloc(lex: Lexicon) -> None:
    found = at("US-backed fighters captured the village of Tal Harir on Monday.", lex, "Tal Harir")
    assert actors(found) == {"sdf"}, found.why


def test_iranian_backed_militias_are_named_and_unknown(lex: Lexicon) -> None:
    (p,) = lex.parties.find("Iranian-backed militias stormed the village.")
    assert (p.name, p.slug, p.bloc) == ("Iranian-backed militias", None, None)  # the store has no Iran


# -- coalitions by their own names --------------------------------------------------------------------------

def test_the_us_led_global_coalition(lex: Lexicon) -> None:
    found = at("The assault started with dozens of airstrikes carried out by the US-Led global coalition "
                "on the village of Tal Harir.", lex, "Tal Harir")
    assert actors(found) == {"us-coalition"}, found.why  # the coalition's aircraft: the strikes' agent


def test_the_army_of_conquest_is_a_side_not_the_army_nor_a_place(lex: Lexicon) -> None:
    found = events("The Army of Conquest stormed the village of Tal Harir on Saturday.", lex)
    assert [f.place_name for f in found] == ["Tal Harir"]
    assert "saa" not in actors(found[0])
    assert ("Jaish al-Fatah", None) in _named_actors(found[0])


# -- the army's aircraft --------------------------------------------------------------------------------

def test_the_army_aircraft_are_the_syrian_army_striking(lex: Lexicon) -> None:
    found = at("Also, the army aircraft pounded ISIL's movements in the village of Tal Harir.", lex,
                "Tal Harir")
    assert found.type == "airstrike"
    assert actors(found) == {"saa"}, found.why


def test_government_jets_and_army_warplanes_are_the_syrian_armys_aircraft(lex: Lexicon) -> None:
    parties = lex.parties.find("Government jets and army warplanes bombed the village on Monday.")
    assert [(p.text, p.slug, p.kind) for p in parties] == [("Government jets", "saa", AIR),
                                                           ("army warplanes", "saa", AIR)]


# -- bare "rebels" (the Conventions), a named group's rebels, and "shelling by X" -------------------------

def test_bare_rebels_are_the_armed_opposition(lex: Lexicon) -> None:
    found = at("Hours later, rebels in Idlib seized the village of Tal Harir in a surprise attack.", lex,
                "Tal Harir")
    assert actors(found) == {"syrian-opposition"}, found.why


def test_a_named_groups_rebels_are_that_group_not_the_umbrella(lex: Lexicon) -> None:
    (p,) = lex.parties.find("Jaish al-Islam rebels fired shells.")
    assert (p.text, p.slug) == ("Jaish al-Islam rebels", None)


def test_the_agent_after_an_event_noun_acts(lex: Lexicon) -> None:
    found = at("SANA said the shelling by Jaish al-Islam rebels hit the village of Tal Harir.", lex,
                "Tal Harir")
    assert ("Jaish al-Islam rebels", None) in _named_actors(found), found.why


def test_turkish_backed_forces_are_the_opposition_not_turkeys_army(lex: Lexicon) -> None:
    (p,) = lex.parties.find("Turkish-backed forces entered the town.")
    assert (p.name, p.slug) == ("Syrian armed opposition", "syrian-opposition")
